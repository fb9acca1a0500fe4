package dev.newsroom.gateway.e2e;

import dev.newsroom.testing.ServiceProcess;

/**
 * article-service and one more real service (comment-service, search-service) for a gateway
 * test class: started on first use (from {@code @DynamicPropertySource}, before the gateway
 * starts), stopped after the class.
 */
final class ArticlesAnd implements AutoCloseable {
    interface Starter {
        ServiceProcess start(ServiceProcess articles) throws Exception;
    }

    private final Starter other;
    private ServiceProcess articles;
    private ServiceProcess second;

    ArticlesAnd(Starter other) {
        this.other = other;
    }

    synchronized ServiceProcess articles() {
        start();
        return articles;
    }

    synchronized ServiceProcess other() {
        start();
        return second;
    }

    private void start() {
        try {
            if (articles == null) {
                articles = ServiceProcess.articles();
            }
            if (second == null) {
                second = other.start(articles);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (second != null) {
            second.close();
        }
        if (articles != null) {
            articles.close();
        }
    }
}
