package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.newsroom.gateway.e2e.NaughtySlots.Slot;
import dev.newsroom.gateway.e2e.NaughtySlots.Victims;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The abuse suite (docs/fuzzing.md): hostile traffic at the gateway and straight at the
 * services' gRPC ports, loopback only, bounded in time, with the real article-, comment- and
 * search-service processes. Rules for every answer: never a 500, every error in the JSON error
 * shape, and nothing acknowledged before the abuse lost after it. The requests per kind and
 * the statuses seen are printed and written to {@code target/abuse-summary.txt}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTrafficEndToEndTest {
    /** The naughty strings are spread over the slots within this; the rest are counted as not sent. */
    private static final long NAUGHTY_BUDGET_MILLIS = 60_000;

    /** A request over a budget is refused before any work: generous for a busy build machine. */
    private static final long REFUSAL_MILLIS = 2_000;

    private static final String EDITOR = TestTokens.token("abuse-editor", "editor");
    private static final String MODERATOR = TestTokens.token("abuse-moderator", "moderator");

    static final AbuseServices SERVICES = new AbuseServices();
    static final AbuseTally TALLY = new AbuseTally();

    /** Created and acknowledged before any abuse: id → headline, id → comment ids. */
    private static final Map<String, String> STORIES = new LinkedHashMap<>();

    private static final Map<String, List<String>> COMMENTS = new LinkedHashMap<>();
    private static Victims victims;

    /** In every text the set-up posts: a repeat check remembers texts across runs on one Redis. */
    private static final long RUN = System.currentTimeMillis();

    @LocalServerPort int port;
    @Autowired BindingCatalog catalog;
    private Rest rest;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWSROOM_ARTICLE_SERVICE_ADDRESS", () -> SERVICES.articles().grpcAddress());
        registry.add("NEWSROOM_COMMENT_SERVICE_ADDRESS", () -> SERVICES.comments().grpcAddress());
        registry.add("NEWSROOM_SEARCH_SERVICE_ADDRESS", () -> SERVICES.search().grpcAddress());
        registry.add("newsroom.gateway.read-path.redis.url", TestRedis::url);
    }

    @AfterAll
    static void stop() throws Exception {
        String summary = TALLY.summary();
        System.out.println(summary);
        Files.writeString(Path.of("target", "abuse-summary.txt"), summary);
        SERVICES.close();
    }

    @BeforeEach
    void acknowledgedBeforeTheAbuse() {
        rest = new Rest(port);
        if (victims != null) {
            return;
        }
        // distinct texts: one address repeating a comment is refused as a repeat
        for (int i = 0; i < 3; i++) {
            String headline = "Kept through the abuse " + i;
            String id = publish(headline);
            STORIES.put(id, headline);
            List<String> ids = new ArrayList<>();
            HttpResponse<String> posted =
                    rest.send(
                            "POST",
                            "/api/v1/articles/" + id + "/comments",
                            null,
                            ("{\"authorName\":\"Reader "
                                            + i
                                            + "\",\"body\":\"Comment "
                                            + i
                                            + " on story "
                                            + id
                                            + ", kept through the abuse, run "
                                            + RUN
                                            + "\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                            "User-Agent",
                            "setup-reader-" + i);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String commentId = json(posted).get("id").getAsString();
            HttpResponse<String> approved =
                    rest.send(
                            "POST", "/api/v1/comments/" + commentId + ":approve", MODERATOR, "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            ids.add(commentId);
            COMMENTS.put(id, ids);
        }
        String victimStory = publish("The abuse may change this one");
        HttpResponse<String> victimComment =
                rest.send(
                        "POST",
                        "/api/v1/articles/" + victimStory + "/comments",
                        null,
                        ("{\"authorName\":\"Victim\",\"body\":\"The abuse may moderate this one, run "
                                        + RUN
                                        + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        "User-Agent",
                        "setup-victim");
        assertThat(victimComment.statusCode()).as(victimComment.body()).isEqualTo(201);
        victims = new Victims(victimStory, json(victimComment).get("id").getAsString());
    }

    @Test
    @Order(1)
    void naughtyStringsInEveryStringFieldAndQueryParameter() {
        List<String> naughty = naughtyStrings();
        List<Slot> slots = NaughtySlots.of(catalog);
        assertThat(slots).as("string slots of the contract's routes").hasSizeGreaterThan(10);
        long deadline = System.currentTimeMillis() + NAUGHTY_BUDGET_MILLIS;
        for (int i = 0; i < naughty.size(); i++) {
            if (System.currentTimeMillis() > deadline) {
                TALLY.count("naughty-strings", "not sent (time budget)");
                continue;
            }
            Slot slot = slots.get(i % slots.size());
            String value = naughty.get(i);
            String path = NaughtySlots.path(slot, value, victims) + NaughtySlots.query(slot, value);
            String body = NaughtySlots.body(slot, value, this::victimVersion);
            String token =
                    slot.binding().requiredRoles().isEmpty()
                            ? null
                            : TestTokens.token(
                                    "abuse-" + i,
                                    slot.binding().requiredRoles().toArray(String[]::new));
            HttpResponse<String> r =
                    send(
                            "naughty-strings",
                            slot + " #" + i,
                            slot.binding().httpMethod(),
                            path,
                            token,
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                            "naughty-" + (i % 7));
            if (r != null) {
                TALLY.judge("naughty-strings", slot + " #" + i, r);
            }
        }
        assertThat(TALLY.violations("naughty-strings")).isEmpty();
    }

    @Test
    @Order(2)
    void deepWideAndOversizedJsonIsRefusedWithA4xx() {
        String comments = "/api/v1/articles/" + victims.storyId() + "/comments";
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int depth : new int[] {64, 1_000, 100_000}) {
            bodies.put(
                    "array depth " + depth,
                    "{\"authorName\":\"d\",\"body\":"
                            + "[".repeat(depth)
                            + "]".repeat(depth)
                            + "}");
            bodies.put(
                    "object depth " + depth,
                    "{\"authorName\":\"d\",\"body\":\"x\",\"x\":"
                            + "{\"a\":".repeat(depth)
                            + "1"
                            + "}".repeat(depth)
                            + "}");
        }
        StringBuilder wide = new StringBuilder("{\"authorName\":\"w\",\"body\":\"x\"");
        for (int i = 0; i < 50_000; i++) {
            wide.append(",\"k").append(i).append("\":1");
        }
        bodies.put("50,000 keys", wide.append('}').toString());
        bodies.put(
                "2 MB body",
                "{\"authorName\":\"o\",\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        // 40,000, not more: where cleaning is still quadratic this costs the service seconds of CPU
        bodies.put(
                "40,000 spaces in a comment",
                "{\"authorName\":\"o\",\"body\":\"a" + " ".repeat(40_000) + "a\"}");
        bodies.put(
                "200 KB author name",
                "{\"authorName\":\"" + "n".repeat(200_000) + "\",\"body\":\"x\"}");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            long start = System.nanoTime();
            HttpResponse<String> r =
                    send(
                            "json-shapes",
                            b.getKey(),
                            "POST",
                            comments,
                            null,
                            b.getValue().getBytes(StandardCharsets.UTF_8),
                            "json-abuse");
            if (r != null
                    && TALLY.judge("json-shapes", b.getKey(), r)
                    && (r.statusCode() < 400 || r.statusCode() >= 500)) {
                TALLY.violate(
                        "json-shapes",
                        b.getKey() + " -> " + r.statusCode() + ", not refused with a 4xx");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (r != null && millis > REFUSAL_MILLIS) {
                TALLY.violate(
                        "json-shapes",
                        b.getKey()
                                + " -> "
                                + r.statusCode()
                                + " after "
                                + millis
                                + " ms (budget before work)");
            }
        }
        StringBuilder tags =
                new StringBuilder(
                        "{\"language\":\"en\",\"section\":\"world\",\"headline\":\"Many tags\",\"tags\":[");
        for (int i = 0; i < 100_000; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        HttpResponse<String> r =
                rest.send("POST", "/api/v1/articles", EDITOR, tags.append("]}").toString());
        if (TALLY.judge("json-shapes", "100,000 tags", r) && r.statusCode() < 400) {
            TALLY.violate(
                    "json-shapes",
                    "100,000 tags -> "
                            + r.statusCode()
                            + ", not refused with a 4xx (repeat budget)");
        }
        String longHeadline =
                "{\"language\":\"en\",\"section\":\"world\",\"headline\":\""
                        + "h".repeat(100_000)
                        + "\"}";
        r = rest.send("POST", "/api/v1/articles", EDITOR, longHeadline);
        if (TALLY.judge("json-shapes", "100 KB headline", r) && r.statusCode() < 400) {
            TALLY.violate(
                    "json-shapes",
                    "100 KB headline -> "
                            + r.statusCode()
                            + ", not refused with a 4xx (field budget)");
        }
        assertThat(TALLY.violations("json-shapes")).isEmpty();
    }

    @Test
    @Order(3)
    void rotatedUserAgentsGetNoMoreCommentPostsThanOneClient() {
        String comments = "/api/v1/articles/" + victims.storyId() + "/comments";
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r =
                    rest.send(
                            "POST",
                            comments,
                            null,
                            ("{\"authorName\":\"Bot\",\"body\":\"Rotated agent post " + i + "\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                            "User-Agent",
                            "Mozilla/5.0 (rotated " + i + ")");
            TALLY.judge("rotated-user-agents", "post " + i, r);
            if (r.statusCode() == 429) {
                limited++;
            }
        }
        if (limited == 0) {
            TALLY.violate(
                    "rotated-user-agents",
                    "12 posts from one address with 12 User-Agents: none got 429");
        }
        assertThat(TALLY.violations("rotated-user-agents")).isEmpty();
    }

    @Test
    @Order(4)
    void aSlowBodyIsCutOffWithinItsBound() throws IOException {
        SlowBody.Outcome outcome =
                SlowBody.post(port, "/api/v1/articles/" + victims.storyId() + "/comments");
        String status =
                outcome.answer().isEmpty() ? "closed" : outcome.answer().split("\r\n", 2)[0];
        TALLY.count(
                "slow-body",
                outcome.bounded()
                        ? status + " after " + outcome.millis() / 1000 + " s"
                        : "still reading");
        if (!outcome.bounded()) {
            TALLY.violate(
                    "slow-body",
                    "a body sent at 4 bytes/s was still being read after "
                            + outcome.millis()
                            + " ms");
        } else if (!outcome.answer().isEmpty() && !outcome.answer().contains("\"error\"")) {
            TALLY.violate(
                    "slow-body",
                    "answered without the error shape: " + AbuseTally.abbreviate(outcome.answer()));
        }
        assertThat(TALLY.violations("slow-body")).isEmpty();
    }

    @Test
    @Order(5)
    void forgedIdentityStraightToEachServicePortIsNotBelieved() {
        List<ForgedIdentity.Outcome> outcomes = new ArrayList<>();
        outcomes.addAll(
                ForgedIdentity.callRoleRpcs(
                        catalog,
                        SERVICES.articles().grpcAddress(),
                        Set.of("newsroom.article.v1.ArticleService"),
                        victims.storyId()));
        outcomes.addAll(
                ForgedIdentity.callRoleRpcs(
                        catalog,
                        SERVICES.comments().grpcAddress(),
                        Set.of("newsroom.comment.v1.CommentService"),
                        victims.storyId()));
        outcomes.addAll(
                ForgedIdentity.callRoleRpcs(
                        catalog,
                        SERVICES.search().grpcAddress(),
                        Set.of("newsroom.search.v1.SearchService"),
                        victims.storyId()));
        outcomes.add(ForgedIdentity.watchFeed(SERVICES.articles().grpcAddress()));
        assertThat(outcomes)
                .as("role-guarded RPCs of every service")
                .hasSizeGreaterThanOrEqualTo(3);
        for (ForgedIdentity.Outcome o : outcomes) {
            TALLY.count("forged-identity", o.status().name());
            if (!o.refused()) {
                TALLY.violate(
                        "forged-identity",
                        o.call() + " with x-newsroom-roles: admin -> " + o.status());
            }
        }
        assertThat(TALLY.violations("forged-identity")).isEmpty();
    }

    @Test
    @Order(100)
    void nothingAcknowledgedBeforeTheAbuseIsLost() {
        for (Map.Entry<String, String> story : STORIES.entrySet()) {
            HttpResponse<String> r = rest.get("/api/v1/articles/" + story.getKey(), EDITOR);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).get("headline").getAsString()).isEqualTo(story.getValue());
            HttpResponse<String> thread =
                    rest.get("/api/v1/articles/" + story.getKey() + "/comments");
            assertThat(thread.statusCode()).as(thread.body()).isEqualTo(200);
            for (String commentId : COMMENTS.get(story.getKey())) {
                assertThat(thread.body())
                        .as("comment " + commentId + " of story " + story.getKey())
                        .contains("\"" + commentId + "\"");
            }
        }
    }

    /** The answer, or null (counted and kept as a violation) when the connection gave none. */
    private HttpResponse<String> send(
            String kind,
            String what,
            String method,
            String path,
            String token,
            byte[] body,
            String userAgent) {
        try {
            return rest.send(method, path, token, body, "User-Agent", userAgent);
        } catch (IllegalStateException e) {
            TALLY.count(kind, "no answer");
            TALLY.violate(kind, what + " -> no answer: " + e.getCause());
            return null;
        }
    }

    private long victimVersion() {
        HttpResponse<String> r = rest.get("/api/v1/articles/" + victims.storyId(), EDITOR);
        return r.statusCode() == 200 ? json(r).get("version").getAsLong() : 0;
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
        HttpResponse<String> published =
                rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** The Big List of Naughty Strings (blns 2.0.4, MIT; src/test/resources/abuse/). */
    static List<String> naughtyStrings() {
        try (InputStream in =
                HostileTrafficEndToEndTest.class.getResourceAsStream("/abuse/blns.json")) {
            JsonArray list =
                    JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonArray();
            List<String> strings = new ArrayList<>();
            list.forEach(e -> strings.add(e.getAsString()));
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
