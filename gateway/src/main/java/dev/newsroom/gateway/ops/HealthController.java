package dev.newsroom.gateway.ops;

import dev.newsroom.readpath.GuardedRedis;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Liveness and readiness probes (docs/architecture.md, decision 9). */
@RestController
public class HealthController {

    private final BackendReadiness readiness;
    private final GuardedRedis redis;

    public HealthController(BackendReadiness readiness, GuardedRedis redis) {
        this.readiness = readiness;
        this.redis = redis;
    }

    /** The process is up and serving HTTP; nothing else is checked, so a slow backend never restarts us. */
    @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> liveness() {
        return Map.of("status", "UP");
    }

    /**
     * 200 when every backend answers its gRPC health check with SERVING, else 503 naming each
     * state. Redis is reported (UP or DEGRADED) but never makes the gateway unready.
     */
    @GetMapping(path = "/readyz", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> readiness() {
        Mono<String> redisState =
                Mono.fromCallable(
                                () ->
                                        redis.call(j -> j.ping()).isPresent()
                                                ? redis.state()
                                                : "DEGRADED")
                        .subscribeOn(Schedulers.boundedElastic());
        return readiness
                .report()
                .zipWith(
                        redisState,
                        (report, redisNow) -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("status", report.ready() ? "UP" : "DOWN");
                            body.put("backends", report.backends());
                            body.put("redis", redisNow);
                            return ResponseEntity.status(
                                            report.ready()
                                                    ? HttpStatus.OK
                                                    : HttpStatus.SERVICE_UNAVAILABLE)
                                    .header("Cache-Control", "no-store")
                                    .body(body);
                        });
    }
}
