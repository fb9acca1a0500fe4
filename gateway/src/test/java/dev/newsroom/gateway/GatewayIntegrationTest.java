package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.gateway.ops.OpsServer;
import dev.newsroom.gateway.testing.EchoBackend;
import dev.newsroom.gateway.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of a real gRPC server (the test-only EchoService),
 * plus a route to an address where nothing listens. Subclasses share one context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.transcoding.descriptors="
                    + "dev.newsroom.proto.article.v1.ArticleProto,dev.newsroom.testing.v1.EchoProto",
            "newsroom.gateway.transcoding.deadline=2s",
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
            "newsroom.gateway.readiness.cache-for=0s",
        })
public abstract class GatewayIntegrationTest {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";
    private static final int CLOSED_PORT = EchoBackend.closedPort();

    @LocalServerPort int port;

    @Autowired OpsServer ops;

    protected WebTestClient client;

    /** The operations port: /readyz, /metrics, /healthz. */
    protected WebTestClient opsClient;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        // first match wins: the narrower offline route goes first
        registry.add(ROUTES + "[0].id", () -> "offline-service");
        registry.add(ROUTES + "[0].uri", () -> "grpc://127.0.0.1:" + CLOSED_PORT);
        registry.add(ROUTES + "[0].predicates[0]", () -> "Path=/test/v1/offline/**");
        registry.add(ROUTES + "[1].id", () -> "echo-service");
        registry.add(ROUTES + "[1].uri", () -> "grpc://127.0.0.1:" + EchoBackend.shared().port());
        registry.add(ROUTES + "[1].predicates[0]", () -> "Path=/test/v1/**");
    }

    @BeforeEach
    void connect() {
        client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
        opsClient =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + ops.port())
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
    }

    protected static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** GETs {@code uri} (sent as written, already percent-encoded) expecting 200 and returns the JSON body. */
    protected JsonObject getOk(String uri) {
        return parse(
                client.get()
                        .uri(java.net.URI.create("http://127.0.0.1:" + port + uri))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
    }

    /** The request as the echo service received it. */
    protected static JsonObject echo(JsonObject answer) {
        return parse(answer.get("echo").getAsString());
    }

    /** Asserts the error shape of docs/api-notes.md with {@code code}/{@code status}, and no stack trace. */
    protected static JsonObject expectError(
            WebTestClient.ResponseSpec response, int code, String status) {
        String body =
                response.expectStatus()
                        .isEqualTo(code)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertNoStackTrace(body);
        JsonObject root = parse(body);
        assertThat(root.keySet()).containsExactly("error");
        JsonObject error = root.getAsJsonObject("error");
        assertThat(error.keySet())
                .containsExactlyInAnyOrder("code", "status", "message", "details");
        assertThat(error.get("code").getAsInt()).isEqualTo(code);
        assertThat(error.get("status").getAsString()).isEqualTo(status);
        assertThat(error.get("message").getAsString()).isNotBlank();
        assertThat(error.get("details").isJsonArray()).isTrue();
        return error;
    }

    protected static void assertNoStackTrace(String body) {
        assertThat(body)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain(".java:")
                .doesNotContain("dev.newsroom.gateway");
    }
}
