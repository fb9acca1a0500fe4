package dev.newsroom.service.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operational surface of every Newsroom service: /healthz (the process lives), /readyz
 * (every required {@link ReadinessCheck} is UP; the others are reported), /metrics
 * (Prometheus).
 */
@Controller
public class OpsController {
    private final List<ReadinessCheck> checks;
    private final PrometheusMeterRegistry registry;

    public OpsController(List<ReadinessCheck> checks, PrometheusMeterRegistry registry) {
        this.checks = checks;
        this.registry = registry;
    }

    @Get("/healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "UP");
    }

    @Get("/readyz")
    public HttpResponse<Map<String, Object>> readyz() {
        boolean ready = true;
        Map<String, String> states = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            String state = check.state();
            states.put(check.name(), state);
            ready &= !check.required() || ReadinessCheck.UP.equals(state);
        }
        Map<String, Object> body = Map.of("status", ready ? "UP" : "DOWN", "checks", states);
        return ready
                ? HttpResponse.ok(body)
                : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(body);
    }

    @Get("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public String metrics() {
        return registry.scrape();
    }
}
