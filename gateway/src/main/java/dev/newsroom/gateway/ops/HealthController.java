package dev.newsroom.gateway.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Liveness and readiness probes (api.md "Operations"). */
@RestController
public class HealthController {

  private final BackendReadiness readiness;

  public HealthController(BackendReadiness readiness) {
    this.readiness = readiness;
  }

  /** The process is up and serving HTTP; nothing else is checked, so a slow backend never restarts us. */
  @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, String> liveness() {
    return Map.of("status", "UP");
  }

  /** 200 when every backend answers its gRPC health check with SERVING, else 503 naming each state. */
  @GetMapping(path = "/readyz", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Map<String, Object>>> readiness() {
    return readiness.report().map(report -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", report.ready() ? "UP" : "DOWN");
      body.put("backends", report.backends());
      return ResponseEntity.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .header("Cache-Control", "no-store").body(body);
    });
  }
}
