package dev.newsroom.article.ops;

import dev.newsroom.readpath.GuardedRedis;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.Map;

/**
 * /healthz (the process lives), /readyz (the database answers; Redis is reported, UP or
 * DEGRADED, but never makes us unready: it is an accelerator), /metrics (Prometheus).
 */
@Controller
public class OpsController {
    private final TransactionOperations<Connection> tx;
    private final PrometheusMeterRegistry registry;
    private final GuardedRedis redis;

    public OpsController(TransactionOperations<Connection> tx, PrometheusMeterRegistry registry, GuardedRedis redis) {
        this.tx = tx;
        this.registry = registry;
        this.redis = redis;
    }

    @Get("/healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "UP");
    }

    @Get("/readyz")
    public HttpResponse<Map<String, Object>> readyz() {
        boolean database = databaseAnswers();
        Map<String, Object> body = Map.of("status", database ? "UP" : "DOWN", "checks", Map.of("database", database ? "UP" : "DOWN", "redis", redisState()));
        return database ? HttpResponse.ok(body) : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public String metrics() {
        return registry.scrape();
    }

    /** A cheap PING through the breaker: DEGRADED when Redis is away or the breaker is open. */
    private String redisState() {
        return redis.call(j -> j.ping()).isPresent() ? redis.state() : "DEGRADED";
    }

    private boolean databaseAnswers() {
        try {
            return tx.executeRead(status -> status.getConnection().isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
