package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.newsroom.gateway.GatewayApplication;
import dev.newsroom.gateway.ops.OpsServer;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.testing.ServiceProcess;
import dev.newsroom.testing.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis is an accelerator (docs/architecture.md, decision 4): with NEWSROOM_REDIS_URL on a port where nothing
 * listens, for article-service and the gateway alike, every read endpoint answers 200,
 * quickly, and /readyz stays ready while it reports Redis as degraded.
 */
class WithoutRedisEndToEndTest {
    private static final String EDITOR = TestTokens.token("editor-4", "editor");

    private static ServiceProcess articleService;
    private static ConfigurableApplicationContext gateway;
    private static Rest rest;
    private static Rest ops;

    @BeforeAll
    static void start() throws Exception {
        articleService =
                ServiceProcess.articles(Map.of("NEWSROOM_REDIS_URL", TestRedis.CLOSED_PORT));
        gateway =
                new SpringApplicationBuilder(GatewayApplication.class)
                        .run(
                                "--server.port=0",
                                "--newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
                                "--NEWSROOM_ARTICLE_SERVICE_ADDRESS="
                                        + articleService.grpcAddress(),
                                "--newsroom.gateway.read-path.redis.url=" + TestRedis.CLOSED_PORT,
                                "--logging.level.dev.newsroom.gateway.access=WARN");
        rest =
                new Rest(
                        Integer.parseInt(
                                gateway.getEnvironment().getProperty("local.server.port")));
        ops = new Rest(gateway.getBean(OpsServer.class).port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (articleService != null) {
            articleService.close();
        }
    }

    @Test
    void everyReadEndpointAnswersWithoutRedis() {
        HttpResponse<String> created =
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"language\":\"en\",\"section\":\"world\",\"headline\":\"No Redis today\",\"lead\":\"L.\",\"body\":\"<p>B.</p>\",\"author\":\"A\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject story =
                json(
                        rest.send(
                                "POST",
                                "/api/v1/articles/"
                                        + json(created).get("id").getAsString()
                                        + ":publish",
                                EDITOR,
                                "{}"));
        String id = story.get("id").getAsString();

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            for (String path :
                    List.of(
                            "/api/v1/articles",
                            "/api/v1/articles/" + id,
                            "/api/v1/articles/by-slug/" + story.get("slug").getAsString(),
                            "/api/v1/sections",
                            "/api/v1/hot",
                            "/api/v1/hot?window=7d&section=world&limit=5",
                            "/healthz")) {
                HttpResponse<String> r = rest.get(path);
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        JsonObject hot = json(rest.get("/api/v1/hot?window=1h"));
        assertThat(hot.get("stale").getAsBoolean()).isTrue();
        assertThat(hot.has("stories")).isFalse();

        HttpResponse<String> patched =
                rest.send(
                        "PATCH",
                        "/api/v1/articles/" + id,
                        EDITOR,
                        "{\"headline\":\"Still no Redis\",\"version\":\""
                                + story.get("version").getAsString()
                                + "\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(rest.get("/api/v1/articles/" + id)).get("headline").getAsString())
                .isEqualTo("Still no Redis");

        HttpResponse<String> ready = ops.get("/readyz");
        assertThat(json(ready).get("redis").getAsString()).isEqualTo("DEGRADED");
        assertThat(json(ready).getAsJsonObject("backends").get("article-service").getAsString())
                .isEqualTo("SERVING");
    }
}
