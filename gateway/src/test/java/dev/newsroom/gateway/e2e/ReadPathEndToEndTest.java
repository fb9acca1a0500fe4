package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.newsroom.gateway.GatewayApplication;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.testing.ServiceProcess;
import dev.newsroom.testing.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.RedisClient;

/**
 * The read path end to end on the real Redis: two gateway replicas (two Spring contexts on
 * random ports) in front of the real article-service process, called like web clients.
 */
class ReadPathEndToEndTest {
    private static final String EDITOR = TestTokens.token("editor-9", "editor");

    /** Views of one story credited to one client address per window (the default per-address-cap). */
    private static final int CAP = 20;

    private static ServiceProcess articleService;
    private static ConfigurableApplicationContext gatewayA;
    private static ConfigurableApplicationContext gatewayB;
    private static Rest a;
    private static Rest b;
    private static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        articleService = ServiceProcess.articles();
        gatewayA = gateway();
        gatewayB = gateway();
        a = new Rest(port(gatewayA));
        b = new Rest(port(gatewayB));
        redis = TestRedis.client(TestRedis.DEFAULT_DATABASE);
    }

    static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
                        "--NEWSROOM_ARTICLE_SERVICE_ADDRESS=" + articleService.grpcAddress(),
                        "--newsroom.gateway.read-path.redis.url=" + TestRedis.url(),
                        "--newsroom.gateway.read-path.views.flush-interval=20ms",
                        "--logging.level.dev.newsroom.gateway.access=WARN");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {redis, gatewayA, gatewayB, articleService}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void afterEveryChangeTheNextReadThroughTheSameGatewayShowsItUnderConcurrentReaders()
            throws Exception {
        JsonObject story = publish("Correct me", "world");
        String id = story.get("id").getAsString();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Rest rest = new Rest(port(gatewayA));
            running.add(
                    readers.submit(
                            () -> {
                                while (reading.get()) {
                                    rest.get("/api/v1/articles/" + id);
                                    reads.incrementAndGet();
                                }
                            }));
        }
        try {
            long version = story.get("version").getAsLong();
            for (int i = 1; i <= 200; i++) {
                HttpResponse<String> patched =
                        a.send(
                                "PATCH",
                                "/api/v1/articles/" + id,
                                EDITOR,
                                "{\"headline\":\"Corrected "
                                        + i
                                        + "\",\"version\":\""
                                        + version
                                        + "\"}");
                assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
                version = json(patched).get("version").getAsLong();
                HttpResponse<String> read = a.get("/api/v1/articles/" + id);
                assertThat(json(read).get("headline").getAsString())
                        .as("read %d", i)
                        .isEqualTo("Corrected " + i);
            }
            a.send("POST", "/api/v1/articles/" + id + ":unpublish", EDITOR, "{}");
            assertThat(a.get("/api/v1/articles/" + id).statusCode()).isEqualTo(404);
            a.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}");
            assertThat(a.get("/api/v1/articles/" + id).statusCode()).isEqualTo(200);
            a.send("DELETE", "/api/v1/articles/" + id, EDITOR, (String) null);
            assertThat(a.get("/api/v1/articles/" + id).statusCode()).isEqualTo(404);
        } finally {
            reading.set(false);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            readers.shutdown();
        }
        assertThat(reads.get()).isGreaterThan(200);
    }

    @Test
    void theOtherGatewayShowsAChangeWithinOneSecond() {
        JsonObject story = publish("Seen everywhere", "world");
        String path = "/api/v1/articles/" + story.get("id").getAsString();
        String slugPath = "/api/v1/articles/by-slug/" + story.get("slug").getAsString();
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(path).statusCode()).isEqualTo(200);
            assertThat(b.get(slugPath).statusCode()).isEqualTo(200);
        }
        a.send(
                "PATCH",
                path,
                EDITOR,
                "{\"headline\":\"Seen everywhere, corrected\",\"version\":\""
                        + story.get("version").getAsString()
                        + "\"}");
        Instant changed = Instant.now();
        awaitHeadline(b, path, "Seen everywhere, corrected", changed);
        awaitHeadline(b, slugPath, "Seen everywhere, corrected", changed);

        a.send("DELETE", path, EDITOR, (String) null);
        Instant withdrawn = Instant.now();
        while (b.get(path).statusCode() != 404) {
            assertThat(Duration.between(withdrawn, Instant.now()))
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void nearCachedReadsCallNoServiceAndStillCountViews() {
        JsonObject story = publish("Hot off the press", "economy");
        String path = "/api/v1/articles/" + story.get("id").getAsString();
        a.get(path, null);
        // the publish's own change event reaches this gateway asynchronously and may drop the entry
        // just
        // filled; and a call is counted when its exchange completes, which can be after the client
        // has the
        // answer. So: fill again once the event has surely arrived, and count from when the count
        // is still.
        sleep(300);
        HttpResponse<String> filled = a.get(path, null);
        double before = settledBackendCalls(gatewayA);
        for (int i = 0; i < 50; i++) {
            // fifty readers at fifty addresses (one address is credited with a capped number of
            // views)
            HttpResponse<String> hit =
                    a.send(
                            "GET",
                            path,
                            null,
                            null,
                            "User-Agent",
                            "reader-" + i,
                            "X-Forwarded-For",
                            "198.51.100." + i);
            // a hit (answered before route matching) is the answer the full route gave
            assertThat(hit.statusCode()).isEqualTo(200);
            assertThat(hit.body()).isEqualTo(filled.body());
            for (String header : List.of("ETag", "Cache-Control", "Content-Type", "Vary")) {
                assertThat(hit.headers().allValues(header))
                        .as(header)
                        .isEqualTo(filled.headers().allValues(header));
            }
            assertThat(hit.headers().firstValue("X-Request-Id"))
                    .isPresent()
                    .isNotEqualTo(filled.headers().firstValue("X-Request-Id"));
        }
        String etag = filled.headers().firstValue("ETag").orElseThrow();
        assertThat(a.send("GET", path, null, null, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(backendCalls(gatewayA)).isEqualTo(before);
        awaitViews(story, 51);
    }

    @Test
    void repeatedReadsWithinThirtyMinutesAndEditorsReadsDoNotCount() {
        JsonObject story = publish("Read twice", "world");
        String path = "/api/v1/articles/" + story.get("id").getAsString();
        String slugPath = "/api/v1/articles/by-slug/" + story.get("slug").getAsString();
        for (int i = 0; i < 5; i++) {
            a.send("GET", path, null, null, "User-Agent", "reader-one");
            b.send("GET", slugPath, null, null, "User-Agent", "reader-one");
            a.get(path, EDITOR);
        }
        a.send("GET", path, null, null, "User-Agent", "reader-two");
        awaitViews(story, 2);
        long id = story.get("id").getAsLong();
        assertThat(redis.pfcount(ReadPathKeys.readers(id, Instant.now()))).isEqualTo(2);
        List<String> seen = new ArrayList<>(redis.keys("nr:seen:{s" + id + "}:*"));
        assertThat(seen).hasSize(2);
        assertThat(redis.ttl(seen.get(0))).isBetween(1700L, 1800L);
    }

    @Test
    void fiveHundredUserAgentsFromOneAddressCountAsAtMostTheCap() {
        JsonObject story = publish("Vote me up", "world");
        long id = story.get("id").getAsLong();
        String path = "/api/v1/articles/" + id;
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> r =
                    (i % 2 == 0 ? a : b)
                            .send(
                                    "GET",
                                    path,
                                    null,
                                    null,
                                    "User-Agent",
                                    "bot-" + i,
                                    "X-Forwarded-For",
                                    "203.0.113.66");
            assertThat(r.statusCode()).isEqualTo(200);
        }
        // a second address, also rotating: its own cap, no more
        for (int i = 0; i < 30; i++) {
            a.send(
                    "GET",
                    path,
                    null,
                    null,
                    "User-Agent",
                    "other-bot-" + i,
                    "X-Forwarded-For",
                    "2001:db8:7:7::" + i);
        }
        awaitViews(story, 2 * CAP);
        assertThat(redis.pfcount(ReadPathKeys.readers(id, Instant.now())))
                .isBetween(2L * CAP - 2, 2L * CAP + 2);
        // the X-Forwarded-For hops left of the last untrusted one are the client's own text:
        // ignored
        JsonObject other = publish("Spoof me", "world");
        for (int i = 0; i < 100; i++) {
            a.send(
                    "GET",
                    "/api/v1/articles/" + other.get("id").getAsString(),
                    null,
                    null,
                    "User-Agent",
                    "spoof-" + i,
                    "X-Forwarded-For",
                    "10.0.0." + i + ", 203.0.113.67");
        }
        awaitViews(other, CAP);
    }

    @Test
    void theHotListAnswersThroughTheGateway() {
        JsonObject story = publish("Everyone reads this", "defense");
        a.send(
                "GET",
                "/api/v1/articles/" + story.get("id").getAsString(),
                null,
                null,
                "User-Agent",
                "hot-reader");
        awaitViews(story, 1);
        Instant deadline = Instant.now().plusSeconds(10);
        JsonObject hot;
        do {
            HttpResponse<String> r = b.get("/api/v1/hot?section=defense&window=1h&limit=5");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            hot = json(r);
        } while (!hot.has("stories") && Instant.now().isBefore(deadline));
        JsonObject first = hot.getAsJsonArray("stories").get(0).getAsJsonObject();
        assertThat(first.getAsJsonObject("story").get("headline").getAsString())
                .isEqualTo("Everyone reads this");
        assertThat(first.get("views").getAsString()).isEqualTo("1");
        assertThat(first.get("uniqueReaders").getAsString()).isEqualTo("1");
        assertThat(hot.has("stale")).isFalse();
    }

    private static JsonObject publish(String headline, String section) {
        HttpResponse<String> created =
                a.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"language\":\"en\",\"section\":\""
                                + section
                                + "\",\"tags\":[\"e2e\"],\"headline\":\""
                                + headline
                                + "\",\"lead\":\"Lead.\",\"body\":\"<p>Body.</p>\",\"author\":\"Wire desk\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").getAsString();
        return json(a.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}"));
    }

    private static void awaitHeadline(Rest rest, String path, String headline, Instant since) {
        while (true) {
            HttpResponse<String> r = rest.get(path);
            if (r.statusCode() == 200 && json(r).get("headline").getAsString().equals(headline)) {
                return;
            }
            assertThat(Duration.between(since, Instant.now()))
                    .as("stale after the change")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    private static void awaitViews(JsonObject story, int expected) {
        String key =
                ReadPathKeys.views(
                        ReadPathKeys.ALL_SECTIONS, ReadPathKeys.epochHour(Instant.now()));
        String member = story.get("id").getAsString();
        Instant deadline = Instant.now().plusSeconds(5);
        Double views = null;
        while (Instant.now().isBefore(deadline)) {
            views = redis.zscore(key, member);
            if (views != null && views >= expected) {
                break;
            }
            sleep(20);
        }
        sleep(200);
        assertThat(redis.zscore(key, member))
                .as("views of %s", member)
                .isEqualTo((double) expected);
    }

    private static double backendCalls(ConfigurableApplicationContext gateway) {
        return gateway
                .getBean(MeterRegistry.class)
                .find("gateway.backend.requests")
                .timers()
                .stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    /** The backend call count once it has not moved for 100 ms (at most 5 s). */
    private static double settledBackendCalls(ConfigurableApplicationContext gateway) {
        double last = backendCalls(gateway);
        for (Instant deadline = Instant.now().plusSeconds(5); Instant.now().isBefore(deadline); ) {
            sleep(100);
            double now = backendCalls(gateway);
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
