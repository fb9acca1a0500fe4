package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.gateway.testing.EchoBackend;
import dev.newsroom.gateway.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis away (nothing listens at its address) the edge limits still hold: the
 * in-process buckets decide alone, quickly, per client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.transcoding.descriptors=dev.newsroom.testing.v1.EchoProto",
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
            "newsroom.gateway.rate-limit.enabled=true",
            "newsroom.gateway.rate-limit.read.burst=5",
            "newsroom.gateway.rate-limit.read.per-minute=1",
        })
class RateLimitWithoutRedisTest {

    private static final EchoBackend BACKEND = EchoBackend.startNew();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.gateway.server.webflux.routes[0].id", () -> "echo-service");
        registry.add(
                "spring.cloud.gateway.server.webflux.routes[0].uri",
                () -> "grpc://127.0.0.1:" + BACKEND.port());
        registry.add(
                "spring.cloud.gateway.server.webflux.routes[0].predicates[0]",
                () -> "Path=/test/v1/**");
        registry.add(
                "newsroom.gateway.read-path.redis.url",
                () -> "redis://127.0.0.1:" + EchoBackend.closedPort());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        BACKEND.stop();
    }

    @Test
    void theInProcessBucketsDecideAlone() {
        WebTestClient client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(10))
                        .build();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            client.get()
                    .uri("/test/v1/flaky/k" + i)
                    .header("X-Forwarded-For", "192.0.2.10")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        // Flaky declares the read class (it never fails without ?failures)
        client.get()
                .uri("/test/v1/flaky/k9")
                .header("X-Forwarded-For", "192.0.2.10")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"read\";q=5;w=300")
                .expectHeader()
                .exists("Retry-After");
        client.get()
                .uri("/test/v1/flaky/k9")
                .header("X-Forwarded-For", "192.0.2.11")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
