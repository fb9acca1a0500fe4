package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.gateway.testing.EchoBackend;
import dev.newsroom.gateway.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Breakers and retries at the gateway, through HTTP, in front of a backend that fails on
 * request: a declared-idempotent call is retried after UNAVAILABLE, any other call never;
 * a backend that keeps failing gets its breaker opened, and then the gateway answers 503 with
 * Retry-After in the JSON error shape without calling it, until a trial call succeeds.
 * Two routes to one backend, so the two stories keep separate breakers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.transcoding.descriptors=dev.newsroom.testing.v1.EchoProto",
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
            "newsroom.gateway.backends.breaker.window=4",
            "newsroom.gateway.backends.breaker.minimum-calls=4",
            "newsroom.gateway.backends.breaker.failure-rate=50",
            "newsroom.gateway.backends.breaker.open-for=2s",
            "newsroom.gateway.backends.breaker.half-open-calls=2",
            "newsroom.gateway.backends.retry.max-retries=2",
            "newsroom.gateway.backends.retry.backoff=10ms",
        })
class BackendResilienceTest {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";
    private static final EchoBackend BACKEND = EchoBackend.startNew();

    @LocalServerPort int port;
    private WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add(ROUTES + "[0].id", () -> "retrying-service");
        registry.add(ROUTES + "[0].uri", () -> "grpc://127.0.0.1:" + BACKEND.port());
        registry.add(ROUTES + "[0].predicates[0]", () -> "Path=/test/v1/flaky/**");
        registry.add(ROUTES + "[1].id", () -> "fragile-service");
        registry.add(ROUTES + "[1].uri", () -> "grpc://127.0.0.1:" + BACKEND.port());
        registry.add(ROUTES + "[1].predicates[0]", () -> "Path=/test/v1/**");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        BACKEND.stop();
    }

    @BeforeEach
    void connect() {
        client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
    }

    @Test
    void onlyCallsDeclaredIdempotentAreRetried() {
        JsonObject answer =
                JsonParser.parseString(
                                client.get()
                                        .uri("/test/v1/flaky/read?failures=2")
                                        .exchange()
                                        .expectStatus()
                                        .isOk()
                                        .expectBody(String.class)
                                        .returnResult()
                                        .getResponseBody())
                        .getAsJsonObject();
        assertThat(answer.get("id").getAsString()).isEqualTo("3");
        assertThat(BACKEND.flakyCalls("read")).isEqualTo(3);

        client.post()
                .uri("/test/v1/flaky/poke:poke")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"failures\":2}")
                .exchange()
                .expectStatus()
                .isEqualTo(503);
        assertThat(BACKEND.flakyCalls("poke")).isEqualTo(1);
    }

    @Test
    void aFailingBackendOpensItsBreakerWhichAnswers503WithRetryAfterUntilATrialCallSucceeds()
            throws Exception {
        for (int i = 0; i < 4; i++) {
            client.get()
                    .uri("/test/v1/failures/UNAVAILABLE?message=down")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }
        // open: every call to this backend is refused at once, in the JSON error shape
        String body =
                client.get()
                        .uri("/test/v1/things/7")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .valueEquals("Retry-After", "2")
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
        assertThat(error.get("code").getAsInt()).isEqualTo(503);
        assertThat(error.get("status").getAsString()).isEqualTo("UNAVAILABLE");
        assertThat(error.get("message").getAsString()).contains("fragile-service");
        // validation failures say nothing about the backend's health: they never count
        Thread.sleep(2_100);
        for (int i = 0; i < 2; i++) {
            client.get().uri("/test/v1/things/7").exchange().expectStatus().isOk();
        }
        for (int i = 0; i < 10; i++) {
            client.get()
                    .uri("/test/v1/failures/INVALID_ARGUMENT")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        client.get().uri("/test/v1/things/7").exchange().expectStatus().isOk();
    }
}
