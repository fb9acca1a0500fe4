package dev.newsroom.service.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /readyz from the checks the services contribute: required ones decide, reported ones only show. */
class OpsControllerTest {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private HttpResponse<Map<String, Object>> readyz(ReadinessCheck... checks) {
        return new OpsController(List.of(checks), registry).readyz();
    }

    @Test
    void readyWhileEveryRequiredCheckIsUpWhateverTheReportedOnesSay() {
        HttpResponse<Map<String, Object>> r =
                readyz(
                        ReadinessCheck.required("database", () -> ReadinessCheck.UP),
                        ReadinessCheck.reported("redis", () -> "DEGRADED"));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body())
                .containsEntry("status", "UP")
                .containsEntry("checks", Map.of("database", "UP", "redis", "DEGRADED"));
    }

    @Test
    void aRequiredCheckThatIsNotUpMakesTheProcessUnready() {
        HttpResponse<Map<String, Object>> r =
                readyz(
                        ReadinessCheck.required("index", () -> "DOWN"),
                        ReadinessCheck.reported("feed", () -> ReadinessCheck.UP));
        assertThat(r.code()).isEqualTo(503);
        assertThat(r.body())
                .containsEntry("status", "DOWN")
                .containsEntry("checks", Map.of("index", "DOWN", "feed", "UP"));
    }

    @Test
    void aBareHostAndPortIsADnsTargetAndAGivenSchemeIsKept() {
        assertThat(ArticleServiceChannel.target("localhost:9091"))
                .isEqualTo("dns:///localhost:9091");
        assertThat(ArticleServiceChannel.target("dns:///article-service:9091"))
                .isEqualTo("dns:///article-service:9091");
        assertThat(ArticleServiceChannel.target("static://10.0.0.1:9091"))
                .isEqualTo("static://10.0.0.1:9091");
    }
}
