package dev.newsroom.gateway;

import dev.newsroom.gateway.ops.OpsServer;
import dev.newsroom.gateway.testing.EchoBackend;
import dev.newsroom.gateway.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** /readyz follows the one backend: ready while it serves, 503 once it is gone. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.transcoding.descriptors=dev.newsroom.testing.v1.EchoProto",
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
            "newsroom.gateway.readiness.cache-for=0s",
        })
class ReadinessTest {

    private static final EchoBackend backend = EchoBackend.startNew();

    @LocalServerPort int port;
    @Autowired OpsServer ops;

    @DynamicPropertySource
    static void route(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.gateway.server.webflux.routes[0].id", () -> "echo-service");
        registry.add(
                "spring.cloud.gateway.server.webflux.routes[0].uri",
                () -> "grpc://127.0.0.1:" + backend.port());
        registry.add(
                "spring.cloud.gateway.server.webflux.routes[0].predicates[0]",
                () -> "Path=/test/v1/**");
    }

    @AfterAll
    static void stopBackend() throws InterruptedException {
        backend.stop();
    }

    @Test
    void readyWhileTheBackendServesAndNotAfter() throws InterruptedException {
        WebTestClient client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + ops.port())
                        .responseTimeout(Duration.ofSeconds(10))
                        .build();
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\":\"UP\",\"backends\":{\"echo-service\":\"SERVING\"}}");

        backend.stop();

        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .json("{\"status\":\"DOWN\",\"backends\":{\"echo-service\":\"UNAVAILABLE\"}}");
        client.get().uri("/healthz").exchange().expectStatus().isOk();
    }
}
