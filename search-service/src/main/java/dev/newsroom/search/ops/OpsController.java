package dev.newsroom.search.ops;

import dev.newsroom.search.index.SearchIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.Map;

/**
 * /healthz (the process lives), /readyz, /metrics (Prometheus).
 *
 * <p>Ready means the index is open and answers. The feed is reported but does not make us
 * unready: while article-service is away, the index still answers searches (a little
 * stale) and the follower reconnects by itself.
 */
@Controller
public class OpsController {
    private final SearchIndex index;
    private final PrometheusMeterRegistry registry;

    public OpsController(SearchIndex index, PrometheusMeterRegistry registry) {
        this.index = index;
        this.registry = registry;
        Gauge.builder("search_index_stories", index, i -> i.live().stories()).description("published stories in the live index").register(registry);
        Gauge.builder("search_feed_sequence", index, i -> i.live().cursor()).description("last article feed event applied").register(registry);
        Gauge.builder("search_feed_connected", index, i -> i.feedConnected() ? 1 : 0).description("1 while the article feed stream is open").register(registry);
    }

    @Get("/healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "UP");
    }

    @Get("/readyz")
    public HttpResponse<Map<String, Object>> readyz() {
        boolean open = indexAnswers();
        Map<String, Object> body = Map.of("status", open ? "UP" : "DOWN",
                "checks", Map.of("index", open ? "UP" : "DOWN", "feed", index.feedConnected() ? "UP" : "RECONNECTING"));
        return open ? HttpResponse.ok(body) : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public String metrics() {
        return registry.scrape();
    }

    private boolean indexAnswers() {
        try {
            return index.withSearcher(s -> s.getIndexReader().numDocs() >= 0);
        } catch (Exception e) {
            return false;
        }
    }
}
