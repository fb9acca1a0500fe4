package dev.newsroom.gateway.e2e;

import dev.newsroom.testing.ServiceProcess;
import java.util.List;

/**
 * article-, comment- and search-service as real processes for the abuse suite: started on
 * first use (from {@code @DynamicPropertySource}, before the gateway starts), stopped after.
 */
final class AbuseServices implements AutoCloseable {
    private ServiceProcess articles;
    private ServiceProcess comments;
    private ServiceProcess search;

    synchronized ServiceProcess articles() {
        start();
        return articles;
    }

    synchronized ServiceProcess comments() {
        start();
        return comments;
    }

    synchronized ServiceProcess search() {
        start();
        return search;
    }

    /** Every service, for calls straight to their gRPC ports. */
    synchronized List<ServiceProcess> all() {
        start();
        return List.of(articles, comments, search);
    }

    private void start() {
        try {
            if (articles == null) {
                articles = ServiceProcess.articles();
            }
            if (comments == null) {
                comments = ServiceProcess.comments(articles);
            }
            if (search == null) {
                search = ServiceProcess.search(articles);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {search, comments, articles}) {
            if (p != null) {
                p.close();
            }
        }
    }
}
