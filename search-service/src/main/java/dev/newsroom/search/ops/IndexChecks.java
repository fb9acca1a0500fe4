package dev.newsroom.search.ops;

import dev.newsroom.search.index.SearchIndex;
import dev.newsroom.service.wiring.ReadinessCheck;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * What search-service adds to /readyz and /metrics. Ready means the index is open and
 * answers. The feed is reported but does not make us unready: while article-service is away,
 * the index still answers searches (a little stale) and the follower reconnects by itself.
 */
@Factory
public class IndexChecks {

    /** The index's line in /readyz; its gauges are registered with it, when /readyz is wired. */
    @Singleton
    @Named("index")
    ReadinessCheck index(SearchIndex index, PrometheusMeterRegistry registry) {
        Gauge.builder("search_index_stories", index, i -> i.live().stories())
                .description("published stories in the live index")
                .register(registry);
        Gauge.builder("search_feed_sequence", index, i -> i.live().cursor())
                .description("last article feed event applied")
                .register(registry);
        Gauge.builder("search_feed_connected", index, i -> i.feedConnected() ? 1 : 0)
                .description("1 while the article feed stream is open")
                .register(registry);
        return ReadinessCheck.required("index", () -> answers(index) ? ReadinessCheck.UP : "DOWN");
    }

    @Singleton
    @Named("feed")
    ReadinessCheck feed(SearchIndex index) {
        return ReadinessCheck.reported(
                "feed", () -> index.feedConnected() ? ReadinessCheck.UP : "RECONNECTING");
    }

    private static boolean answers(SearchIndex index) {
        try {
            return index.withSearcher(s -> s.getIndexReader().numDocs() >= 0);
        } catch (Exception e) {
            return false;
        }
    }
}
