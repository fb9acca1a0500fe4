package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.error;
import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.testing.ServiceProcess;
import dev.newsroom.testing.TestRedis;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The edge rate limits with the real article-service and comment-service and the real
 * Redis: budgets per client address and declared rate class, whatever User-Agent a client
 * sends; a client over budget gets 429 with Retry-After and the RateLimit headers, another
 * client goes on. Clients are told apart by X-Forwarded-For (loopback is a trusted proxy
 * under the local profile the tests run in).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
            "newsroom.gateway.rate-limit.enabled=true",
            "newsroom.gateway.rate-limit.read.burst=30",
            "newsroom.gateway.rate-limit.read.per-minute=6",
            "newsroom.gateway.rate-limit.comment-post.burst=3",
            "newsroom.gateway.rate-limit.comment-post.per-minute=1",
            "newsroom.gateway.rate-limit.write.burst=1000",
            "newsroom.gateway.rate-limit.write.per-minute=1000",
        })
class EdgeRateLimitEndToEndTest {
    private static final String EDITOR = TestTokens.token("editor-9", "editor");
    private static final ArticlesAnd SERVICES = new ArticlesAnd(ServiceProcess::comments);

    @LocalServerPort int port;
    private Rest rest;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWSROOM_ARTICLE_SERVICE_ADDRESS", () -> SERVICES.articles().grpcAddress());
        registry.add("NEWSROOM_COMMENT_SERVICE_ADDRESS", () -> SERVICES.other().grpcAddress());
        registry.add("newsroom.gateway.read-path.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void forgetEarlierBuckets() {
        TestRedis.flush(TestRedis.DEFAULT_DATABASE);
    }

    @AfterAll
    static void stop() throws Exception {
        SERVICES.close();
    }

    @BeforeEach
    void client() {
        SERVICES.other();
        rest = new Rest(port);
    }

    @Test
    void twelveCommentPostsWithTwelveUserAgentsFromOneAddressAreRefusedAfterTheBudget() {
        String id = publish("Rig my comments");
        List<Integer> codes = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r =
                    rest.send(
                            "POST",
                            "/api/v1/articles/" + id + "/comments",
                            null,
                            ("{\"authorName\":\"Bot "
                                            + i
                                            + "\",\"body\":\"Comment number "
                                            + i
                                            + "\"}")
                                    .getBytes(),
                            "Content-Type",
                            "application/json",
                            "User-Agent",
                            "agent-" + i,
                            "X-Forwarded-For",
                            "203.0.113.21");
            codes.add(r.statusCode());
            if (r.statusCode() == 429 && refused == null) {
                refused = r;
            }
        }
        assertThat(codes.subList(0, 3)).containsOnly(201);
        assertThat(codes.subList(3, 12)).containsOnly(429);
        error(refused, 429, "RESOURCE_EXHAUSTED");
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"comment-post\";q=3;w=180");
        assertThat(refused.headers().firstValue("RateLimit").orElseThrow())
                .startsWith("\"comment-post\";r=0;t=");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);

        // the same User-Agent from another address: a budget of its own
        HttpResponse<String> other =
                rest.send(
                        "POST",
                        "/api/v1/articles/" + id + "/comments",
                        null,
                        "{\"authorName\":\"Sara\",\"body\":\"A real reader\"}".getBytes(),
                        "Content-Type",
                        "application/json",
                        "User-Agent",
                        "agent-0",
                        "X-Forwarded-For",
                        "203.0.113.22");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        assertThat(other.headers().firstValue("RateLimit").orElseThrow())
                .startsWith("\"comment-post\";r=2;");
    }

    @Test
    void nearCachedReadsSpendTheBudgetTooAndAnotherClientIsUnaffected() {
        String id = publish("Scrape me");
        String path = "/api/v1/articles/" + id;
        int ok = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r =
                    rest.send(
                            "GET",
                            path,
                            null,
                            null,
                            "User-Agent",
                            "scraper-" + i,
                            "X-Forwarded-For",
                            "198.51.100.200");
            if (r.statusCode() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertThat(ok).isEqualTo(30);
        error(refused, 429, "RESOURCE_EXHAUSTED");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"read\";q=30;w=300");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> reader =
                rest.send("GET", path, null, null, "X-Forwarded-For", "198.51.100.201");
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.headers().firstValue("RateLimit").orElseThrow())
                .startsWith("\"read\";r=29;");
        // an IPv6 client is one client per /64: another address in it shares the budget
        for (int i = 0; i < 30; i++) {
            assertThat(
                            rest.send(
                                            "GET",
                                            path,
                                            null,
                                            null,
                                            "X-Forwarded-For",
                                            "2001:db8:5:5::" + i)
                                    .statusCode())
                    .isEqualTo(200);
        }
        assertThat(
                        rest.send(
                                        "GET",
                                        path,
                                        null,
                                        null,
                                        "X-Forwarded-For",
                                        "2001:db8:5:5:ffff::1")
                                .statusCode())
                .isEqualTo(429);
        assertThat(
                        rest.send("GET", path, null, null, "X-Forwarded-For", "2001:db8:5:6::1")
                                .statusCode())
                .isEqualTo(200);
    }

    private String publish(String headline) {
        HttpResponse<String> created =
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"language\":\"en\",\"section\":\"world\","
                                + "\"headline\":\""
                                + headline
                                + "\",\"body\":\"<p>Body.</p>\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").getAsString();
        assertThat(
                        rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}")
                                .statusCode())
                .isEqualTo(200);
        return id;
    }
}
