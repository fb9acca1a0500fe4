package dev.newsroom.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * {@code ./newsroom up} as a newcomer runs it (embedded H2 stores, a fresh data directory,
 * the jars this build made), then a reader's first requests through the gateway, then
 * {@code ./newsroom down}. Redis is the test Redis (test-support's: configured, or started for
 * the test), database 11, flushed first. The launcher uses the fixed local ports 8080-8083, 8090 and 9091-9093: when one
 * is taken (a platform already running here) the test is skipped, and fails in CI.
 */
class LauncherSmokeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final String GATEWAY_OPS = "http://127.0.0.1:8090";
    private static final String STALE_KEY = "nr:story:{s100001}";
    private static final String STALE = "stale-from-an-earlier-data-dir";
    private static final int REDIS_DATABASE = 11;
    private static final int[] PORTS = {8080, 8081, 8082, 8083, 8090, 9091, 9092, 9093};
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
    private static Path dataDir;
    private static Map<String, String> env;
    private static boolean passed;

    @BeforeAll
    static void up() throws Exception {
        for (int port : PORTS) {
            require(
                    free(port),
                    "port "
                            + port
                            + " is taken: is a platform already running here? (./newsroom down)");
        }
        dataDir = Files.createTempDirectory("newsroom-smoke");
        env =
                Map.of(
                        "NEWSROOM_DATA_DIR",
                        dataDir.toString(),
                        "NEWSROOM_REDIS_URL",
                        TestRedis.url(REDIS_DATABASE));
        // a story an earlier data directory left cached under the News ID the first sample gets
        try (RedisClient db = RedisClient.create(URI.create(env.get("NEWSROOM_REDIS_URL")))) {
            db.flushDB();
            db.set(STALE_KEY, STALE);
        }
        Process up = run(300, "up", "./newsroom", "up");
        assertThat(up.exitValue())
                .as("./newsroom up; see " + dataDir.resolve("smoke-up.log"))
                .isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (env != null) {
            Process down = run(120, "down", "./newsroom", "down");
            assertThat(down.exitValue()).as("./newsroom down").isZero();
            for (int port : PORTS) {
                assertThat(free(port)).as("port " + port + " released by ./newsroom down").isTrue();
            }
            // kept when anything failed: its logs/ and smoke-*.log tell why
            if (passed) {
                try (var paths = Files.walk(dataDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } else {
                System.out.println("launcher smoke test: logs kept in " + dataDir);
            }
        }
    }

    @Test
    void aReaderCanUseWhatUpStarted() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        // the probes are on the gateway's operations port; the public port does not answer them
        assertThat(get("/readyz").statusCode()).isEqualTo(404);
        assertThat(
                        HTTP.send(
                                        HttpRequest.newBuilder(URI.create(GATEWAY_OPS + "/readyz"))
                                                .timeout(Duration.ofSeconds(10))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                                .body())
                .contains(
                        "\"article-service\":\"SERVING\"",
                        "\"comment-service\":\"SERVING\"",
                        "\"search-service\":\"SERVING\"");
        HttpResponse<String> stories = get("/api/v1/articles?pageSize=100");
        assertThat(stories.statusCode()).isEqualTo(200);
        assertThat(count(stories.body(), "\"headline\"")).as("the 30 sample stories").isEqualTo(30);
        assertThat(get("/api/v1/sections").body()).contains("\"iran\"", "\"world\"");
        assertThat(get("/api/v1/hot").statusCode()).isEqualTo(200);
        try (RedisClient db = RedisClient.create(URI.create(env.get("NEWSROOM_REDIS_URL")))) {
            assertThat(String.valueOf(db.get(STALE_KEY)))
                    .as("up cleared the stale cache entry")
                    .doesNotContain(STALE);
        }

        // search follows the feed: the samples become searchable in both languages
        assertThat(searchable("sturgeon Caspian")).as("English sample found by search").isTrue();
        assertThat(searchable("دوچرخه تهران")).as("Persian sample found by search").isTrue();

        String id = between(stories.body(), "\"id\":\"", "\"");
        HttpResponse<String> comment =
                send(
                        "POST",
                        "/api/v1/articles/" + id + "/comments",
                        "{\"authorName\":\"Smoke\",\"body\":\"A first comment.\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        passed = true;
    }

    private static boolean searchable(String q) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            if (r.statusCode() == 200 && r.body().contains("\"hits\"")) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private static HttpResponse<String> send(String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(10));
        if (json != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Process run(int timeoutSeconds, String name, String... command)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("smoke-" + name + ".log").toFile());
        pb.environment().putAll(env == null ? Map.of() : env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            Assertions.fail(
                    String.join(" ", command)
                            + " took longer than "
                            + timeoutSeconds
                            + " s: "
                            + Files.readString(dataDir.resolve("smoke-" + name + ".log")));
        }
        return p;
    }

    /** Skips the test when a platform already runs here (under CI=true test-support turns the skip into a failure). */
    private static void require(boolean condition, String why) {
        Assumptions.assumeTrue(condition, why);
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }
}
