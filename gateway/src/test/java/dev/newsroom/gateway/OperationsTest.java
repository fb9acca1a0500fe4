package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Probes, Prometheus metrics and access logs. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends GatewayIntegrationTest {

    @Test
    void readinessAndMetricsAnswerOnlyOnTheOperationsPortAndItAnswersNothingElse() {
        for (String path : new String[] {"/readyz", "/metrics"}) {
            expectError(client.get().uri(path).exchange(), 404, "NOT_FOUND");
            assertThat(
                            opsClient
                                    .get()
                                    .uri(path)
                                    .exchange()
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value())
                    .as(path)
                    .isIn(200, 503);
        }
        expectError(opsClient.get().uri("/test/v1/things/1").exchange(), 404, "NOT_FOUND");
        opsClient.get().uri("/").exchange().expectStatus().isNotFound();
        client.get().uri("/test/v1/things/1").exchange().expectStatus().isOk();
        opsClient.get().uri("/healthz").exchange().expectStatus().isOk();
    }

    @Test
    void livenessIsAlwaysUp() {
        client.get()
                .uri("/healthz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\":\"UP\"}");
    }

    @Test
    void readinessNamesTheBackendThatIsDown() {
        String body =
                opsClient
                        .get()
                        .uri("/readyz")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        JsonObject report = parse(body);
        assertThat(report.get("status").getAsString()).isEqualTo("DOWN");
        assertThat(report.getAsJsonObject("backends").get("echo-service").getAsString())
                .isEqualTo("SERVING");
        assertThat(report.getAsJsonObject("backends").get("offline-service").getAsString())
                .isEqualTo("UNAVAILABLE");
    }

    @Test
    void backendCallsAreTimedPerServiceMethodAndCode() {
        client.get().uri("/test/v1/things/1").exchange().expectStatus().isOk();
        client.get().uri("/test/v1/failures/NOT_FOUND").exchange().expectStatus().isNotFound();

        String metrics =
                opsClient
                        .get()
                        .uri("/metrics")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .value("Content-Type", type -> assertThat(type).startsWith("text/plain"))
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        assertThat(
                        metrics.lines()
                                .filter(
                                        line ->
                                                line.startsWith(
                                                        "gateway_backend_requests_seconds_count"))
                                .filter(line -> line.contains("service=\"echo-service\""))
                                .filter(
                                        line ->
                                                line.contains(
                                                        "method=\"newsroom.testing.v1.EchoService/GetThing\""))
                                .filter(line -> line.contains("code=\"OK\"")))
                .isNotEmpty();
        assertThat(metrics).contains("code=\"NOT_FOUND\"");
    }

    @Test
    void everyRequestGetsOneJsonAccessLogLineWithItsTraceId(CapturedOutput output) {
        client.get()
                .uri("/test/v1/things/77")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("X-Request-Id", "access-log-test")
                .exchange()
                .expectStatus()
                .isOk();

        var lines =
                output.getOut()
                        .lines()
                        .filter(
                                line ->
                                        line.contains("access-log-test")
                                                && line.contains("dev.newsroom.gateway.access"))
                        .toList();
        assertThat(lines).hasSize(1);
        JsonObject line = parse(lines.get(0));
        assertThat(line.getAsJsonObject("trace").get("id").getAsString())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.get("message").getAsString()).contains("GET /test/v1/things/77 200");
    }
}
