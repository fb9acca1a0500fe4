package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every failure, from the service or the gateway itself, reaches the client as the error JSON of docs/api-notes.md. */
class TranscodingErrorsTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({
        "INVALID_ARGUMENT, 400", "OUT_OF_RANGE, 400", "UNAUTHENTICATED, 401",
                "PERMISSION_DENIED, 403",
        "NOT_FOUND, 404", "ALREADY_EXISTS, 409", "ABORTED, 409", "FAILED_PRECONDITION, 409",
        "RESOURCE_EXHAUSTED, 429", "UNIMPLEMENTED, 501", "UNAVAILABLE, 503",
                "DEADLINE_EXCEEDED, 504",
    })
    void grpcStatusesMapToHttp(String code, int http) {
        JsonObject error =
                expectError(
                        client.get().uri("/test/v1/failures/" + code + "?message=nope").exchange(),
                        http,
                        code);
        if (http < 500) {
            assertThat(error.get("message").getAsString()).isEqualTo("nope");
        }
    }

    @ParameterizedTest
    @CsvSource({"INTERNAL", "UNKNOWN", "DATA_LOSS", "CANCELLED"})
    void otherStatusesAreAGeneric500(String code) {
        JsonObject error =
                expectError(
                        client.get()
                                .uri(
                                        "/test/v1/failures/"
                                                + code
                                                + "?message=NullPointerException at db.Query(Secret.java:12)")
                                .exchange(),
                        500,
                        "INTERNAL");
        assertThat(error.get("message").getAsString()).isEqualTo("internal error");
    }

    @Test
    void fieldViolationsBecomeDetails() {
        JsonObject error =
                expectError(
                        client.get()
                                .uri(
                                        uri ->
                                                uri.path("/test/v1/failures/INVALID_ARGUMENT")
                                                        .queryParam(
                                                                "message",
                                                                "headline must not be empty")
                                                        .queryParam(
                                                                "violations",
                                                                "headline:must not be empty")
                                                        .queryParam(
                                                                "violations",
                                                                "section:unknown section")
                                                        .build())
                                .exchange(),
                        400,
                        "INVALID_ARGUMENT");

        assertThat(error.get("message").getAsString()).isEqualTo("headline must not be empty");
        assertThat(error.get("details").toString())
                .isEqualTo(
                        "[{\"field\":\"headline\",\"description\":\"must not be empty\"},"
                                + "{\"field\":\"section\",\"description\":\"unknown section\"}]");
    }

    @Test
    void retryInfoOnA429BecomesRetryAfterInWholeSeconds() {
        client.get()
                .uri(
                        "/test/v1/failures/RESOURCE_EXHAUSTED?message=slow%20down&retryAfterMillis=11200")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "12");
        client.get()
                .uri("/test/v1/failures/RESOURCE_EXHAUSTED?message=slow%20down")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .doesNotExist("Retry-After");
    }

    @Test
    void malformedJsonIs400() {
        expectError(post("/test/v1/things", "{\"name\": \"x\""), 400, "INVALID_ARGUMENT");
        expectError(post("/test/v1/things", "{'name': 'x'}"), 400, "INVALID_ARGUMENT");
        expectError(post("/test/v1/things", "{\"name\":\"x\"} trailing"), 400, "INVALID_ARGUMENT");
    }

    @Test
    void unknownBodyFieldIs400() {
        JsonObject error =
                expectError(
                        post("/test/v1/things", "{\"name\":\"x\",\"colour\":\"red\"}"),
                        400,
                        "INVALID_ARGUMENT");
        assertThat(error.get("message").getAsString()).contains("colour");
    }

    @Test
    void wrongTypeInBodyIs400() {
        expectError(post("/test/v1/things", "{\"id\":\"not-a-number\"}"), 400, "INVALID_ARGUMENT");
        expectError(post("/test/v1/things", "{\"tags\":\"not-a-list\"}"), 400, "INVALID_ARGUMENT");
        expectError(post("/test/v1/things", "{\"kind\":\"HUGE\"}"), 400, "INVALID_ARGUMENT");
        expectError(post("/test/v1/things", "[1,2]"), 400, "INVALID_ARGUMENT");
    }

    @Test
    void nonNumericIdIs400NamingTheField() {
        JsonObject error =
                expectError(
                        client.get().uri("/test/v1/things/abc").exchange(),
                        400,
                        "INVALID_ARGUMENT");
        assertThat(
                        error.getAsJsonArray("details")
                                .get(0)
                                .getAsJsonObject()
                                .get("field")
                                .getAsString())
                .isEqualTo("id");
    }

    @Test
    void badQueryValuesAre400() {
        expectError(
                client.get().uri("/test/v1/things?kinds=HUGE").exchange(), 400, "INVALID_ARGUMENT");
        expectError(
                client.get().uri("/test/v1/things?since=yesterday").exchange(),
                400,
                "INVALID_ARGUMENT");
        expectError(
                client.get().uri("/test/v1/things?onlyActive=maybe").exchange(),
                400,
                "INVALID_ARGUMENT");
        expectError(
                client.get().uri("/test/v1/things?pageSize=1&pageSize=2").exchange(),
                400,
                "INVALID_ARGUMENT");
    }

    @Test
    void unknownQueryParameterIs400() {
        JsonObject error =
                expectError(
                        client.get().uri("/test/v1/things?colour=red").exchange(),
                        400,
                        "INVALID_ARGUMENT");
        assertThat(error.get("message").getAsString()).contains("colour");
        expectError(client.get().uri("/test/v1/things/1?id=2").exchange(), 400, "INVALID_ARGUMENT");
    }

    @Test
    void bodyOverTheLimitIs413ByContentLength() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        expectError(
                client.post()
                        .uri("/test/v1/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(big)
                        .exchange(),
                413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void bodyOverTheLimitIs413WhenStreamedWithoutLength() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> body =
                Flux.range(0, 20).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        WebTestClient.ResponseSpec response =
                client.post()
                        .uri("/test/v1/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body, DataBuffer.class)
                        .exchange();
        // read to its end before the answer (which the client, still sending, once lost to a closed
        // connection): the connection stays open for the next request
        response.expectHeader().doesNotExist(HttpHeaders.CONNECTION);
        expectError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void nonJsonBodyIs415() {
        expectError(
                client.post()
                        .uri("/test/v1/things")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("name=x".getBytes(StandardCharsets.UTF_8))
                        .exchange(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownPathsAre404Json() {
        expectError(client.get().uri("/no/such/thing").exchange(), 404, "NOT_FOUND");
        expectError(client.get().uri("/test/v1/gadgets/1").exchange(), 404, "NOT_FOUND");
        expectError(client.get().uri("/test/v1/things/").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        client.put()
                .uri("/test/v1/things/1")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "DELETE, GET, PATCH");
        expectError(client.put().uri("/test/v1/things/1").exchange(), 405, "METHOD_NOT_ALLOWED");
        expectError(client.post().uri("/healthz").exchange(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void backendDownIs503() {
        JsonObject error =
                expectError(
                        client.get().uri("/test/v1/offline/ping").exchange(), 503, "UNAVAILABLE");
        assertThat(error.get("message").getAsString()).doesNotContain("127.0.0.1");
    }

    @Test
    void slowBackendIs504AfterTheDeadline() {
        long start = System.nanoTime();
        expectError(client.get().uri("/test/v1/slow/8000").exchange(), 504, "DEADLINE_EXCEEDED");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_500L, 7_000L);
    }

    @Test
    void errorsAreNeverCached() {
        client.get()
                .uri("/test/v1/failures/NOT_FOUND")
                .exchange()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
            String uri, String json) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
