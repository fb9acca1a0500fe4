package dev.newsroom.comment.ops;

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

/** /healthz (the process lives), /readyz (the database answers), /metrics (Prometheus). */
@Controller
public class OpsController {
    private final TransactionOperations<Connection> tx;
    private final PrometheusMeterRegistry registry;

    public OpsController(TransactionOperations<Connection> tx, PrometheusMeterRegistry registry) {
        this.tx = tx;
        this.registry = registry;
    }

    @Get("/healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "UP");
    }

    @Get("/readyz")
    public HttpResponse<Map<String, Object>> readyz() {
        boolean database = databaseAnswers();
        Map<String, Object> body = Map.of("status", database ? "UP" : "DOWN", "checks", Map.of("database", database ? "UP" : "DOWN"));
        return database ? HttpResponse.ok(body) : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public String metrics() {
        return registry.scrape();
    }

    private boolean databaseAnswers() {
        try {
            return tx.executeRead(status -> status.getConnection().isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
