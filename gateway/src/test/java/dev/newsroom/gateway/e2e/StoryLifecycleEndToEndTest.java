package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.error;
import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.testing.ServiceProcess;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The story life cycle exactly as docs/api-notes.md describes it: this gateway in front of the real
 * article-service process on the real PostgreSQL, called over HTTP like a web client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
        })
class StoryLifecycleEndToEndTest {
    private static ServiceProcess articleService;
    private static final String EDITOR = TestTokens.token("editor-7", "editor");
    private static final String MODERATOR = TestTokens.token("mod-3", "moderator");

    @LocalServerPort int port;
    private Rest rest;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("NEWSROOM_ARTICLE_SERVICE_ADDRESS", () -> articleService().grpcAddress());
        registry.add("newsroom.gateway.read-path.redis.url", dev.newsroom.testing.TestRedis::url);
    }

    private static synchronized ServiceProcess articleService() {
        if (articleService == null) {
            try {
                articleService = ServiceProcess.articles();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return articleService;
    }

    @AfterAll
    static void stopBackend() throws Exception {
        if (articleService != null) {
            articleService.close();
        }
    }

    @BeforeEach
    void client() {
        articleService();
        rest = new Rest(port);
    }

    @Test
    void editorDraftsPublishesRevisesAndWithdrawsAStory() {
        HttpResponse<String> created =
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        story("Port strike enters its third day", "economy"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject draft = json(created);
        String id = draft.get("id").getAsString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/articles/" + id);
        assertThat(draft.get("status").getAsString()).isEqualTo("DRAFT");
        assertThat(draft.get("slug").getAsString()).isEqualTo("port-strike-enters-its-third-day");

        error(rest.get("/api/v1/articles/" + id), 404, "NOT_FOUND");
        assertThat(json(rest.get("/api/v1/articles/" + id, EDITOR)).get("status").getAsString())
                .isEqualTo("DRAFT");

        HttpResponse<String> published =
                rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).get("status").getAsString()).isEqualTo("PUBLISHED");

        HttpResponse<String> read = rest.get("/api/v1/articles/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("headline").getAsString())
                .isEqualTo("Port strike enters its third day");
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + id + "-2\"");
        assertThat(read.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(
                        rest.send(
                                        "GET",
                                        "/api/v1/articles/" + id,
                                        null,
                                        null,
                                        "If-None-Match",
                                        etag)
                                .statusCode())
                .isEqualTo(304);
        assertThat(
                        json(rest.get("/api/v1/articles/by-slug/port-strike-enters-its-third-day"))
                                .get("id")
                                .getAsString())
                .isEqualTo(id);

        HttpResponse<String> revised =
                rest.send(
                        "PATCH",
                        "/api/v1/articles/" + id,
                        EDITOR,
                        "{\"lead\":\"Talks collapse overnight.\",\"version\":\"2\"}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(json(revised).get("version").getAsString()).isEqualTo("3");
        assertThat(json(revised).get("headline").getAsString())
                .isEqualTo("Port strike enters its third day");
        error(
                rest.send(
                        "PATCH",
                        "/api/v1/articles/" + id,
                        EDITOR,
                        "{\"lead\":\"Lost update\",\"version\":2}"),
                409,
                "ABORTED");
        assertThat(
                        rest.send(
                                        "GET",
                                        "/api/v1/articles/" + id,
                                        null,
                                        null,
                                        "If-None-Match",
                                        etag)
                                .statusCode())
                .isEqualTo(200);
        assertThat(json(rest.get("/api/v1/articles/" + id)).get("lead").getAsString())
                .isEqualTo("Talks collapse overnight.");

        JsonArray revisions =
                json(rest.get("/api/v1/articles/" + id + "/revisions", EDITOR))
                        .getAsJsonArray("revisions");
        List<String> changes = new ArrayList<>();
        revisions.forEach(r -> changes.add(r.getAsJsonObject().get("change").getAsString()));
        assertThat(changes).containsExactly("update", "publish", "create");

        HttpResponse<String> withdrawn =
                rest.send("DELETE", "/api/v1/articles/" + id, EDITOR, (String) null);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("status").getAsString()).isEqualTo("WITHDRAWN");
        error(rest.get("/api/v1/articles/" + id), 404, "NOT_FOUND");
        error(
                rest.get("/api/v1/articles/by-slug/port-strike-enters-its-third-day"),
                404,
                "NOT_FOUND");
        assertThat(json(rest.get("/api/v1/articles/" + id, EDITOR)).get("status").getAsString())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void everyMutatingRouteAnswers401WithoutATokenAnd403WithoutTheRole() {
        String id =
                json(rest.send(
                                "POST",
                                "/api/v1/articles",
                                EDITOR,
                                story("Guarded story", "politics")))
                        .get("id")
                        .getAsString();
        String[][] routes = {
            {"POST", "/api/v1/articles", story("Intruder", "world")},
            {"PATCH", "/api/v1/articles/" + id, "{\"headline\":\"Defaced\",\"version\":1}"},
            {"POST", "/api/v1/articles/" + id + ":publish", "{}"},
            {"POST", "/api/v1/articles/" + id + ":unpublish", "{}"},
            {"DELETE", "/api/v1/articles/" + id, null},
            {"GET", "/api/v1/articles/" + id + "/revisions", null},
        };
        for (String[] r : routes) {
            error(rest.send(r[0], r[1], null, r[2]), 401, "UNAUTHENTICATED");
            error(rest.send(r[0], r[1], MODERATOR, r[2]), 403, "PERMISSION_DENIED");
            error(rest.send(r[0], r[1], "not.a.jwt", r[2]), 401, "UNAUTHENTICATED");
        }
        JsonObject still = json(rest.get("/api/v1/articles/" + id, EDITOR));
        assertThat(still.get("headline").getAsString()).isEqualTo("Guarded story");
        assertThat(still.get("status").getAsString()).isEqualTo("DRAFT");
        assertThat(still.get("version").getAsString()).isEqualTo("1");
    }

    @Test
    void badInputGetsAClear4xxAndLosesNothing() {
        String id =
                json(rest.send("POST", "/api/v1/articles", EDITOR, story("Kept safe", "culture")))
                        .get("id")
                        .getAsString();
        error(
                rest.send("POST", "/api/v1/articles", EDITOR, "{\"headline\": \"unclosed"),
                400,
                "INVALID_ARGUMENT");
        error(rest.send("POST", "/api/v1/articles", EDITOR, "[1,2,3]"), 400, "INVALID_ARGUMENT");
        error(
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"headline\":\"x\",\"colour\":\"red\"}"),
                400,
                "INVALID_ARGUMENT");
        error(
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"headline\":5,\"language\":\"en\",\"section\":\"world\"}"),
                400,
                "INVALID_ARGUMENT");
        error(
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"headline\":\"x\",\"language\":\"en\",\"section\":\"world\",\"tags\":\"one\"}"),
                400,
                "INVALID_ARGUMENT");
        error(
                rest.send(
                        "PATCH",
                        "/api/v1/articles/" + id,
                        EDITOR,
                        "{\"lead\":\"x\",\"version\":\"abc\"}"),
                400,
                "INVALID_ARGUMENT");
        JsonObject missing =
                error(rest.send("POST", "/api/v1/articles", EDITOR, "{}"), 400, "INVALID_ARGUMENT");
        assertThat(missing.getAsJsonArray("details").toString()).contains("headline");
        error(
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        new byte[] {
                            '{', '"', 'h', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        }),
                400,
                "INVALID_ARGUMENT");
        byte[] huge =
                ("{\"headline\":\"big\",\"language\":\"en\",\"section\":\"world\",\"body\":\""
                                + "x".repeat(1_100_000)
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(rest.send("POST", "/api/v1/articles", EDITOR, huge).statusCode()).isEqualTo(413);
        error(rest.get("/api/v1/articles/999999999"), 404, "NOT_FOUND");
        error(rest.get("/api/v1/articles/not-a-number"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/articles?pageSize=-5"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/articles?pageSize=100000"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/articles?pageSize=99999999999999"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/articles?pageToken=forged"), 400, "INVALID_ARGUMENT");
        error(
                rest.get(
                        "/api/v1/articles/by-slug/"
                                + URLEncoder.encode(
                                        "<script>alert(1)</script>", StandardCharsets.UTF_8)),
                400,
                "INVALID_ARGUMENT");
        error(rest.get("/api/v1/articles/by-slug/" + "a".repeat(500)), 400, "INVALID_ARGUMENT");
        error(
                rest.send("POST", "/api/v1/articles/" + id + ":explode", EDITOR, "{}"),
                405,
                "METHOD_NOT_ALLOWED");
        error(rest.get("/api/v1/nothing-here"), 404, "NOT_FOUND");

        HttpResponse<String> hostile =
                rest.send(
                        "POST",
                        "/api/v1/articles",
                        EDITOR,
                        "{\"headline\":\"Hostile \\u0000body\",\"language\":\"en\",\"section\":\"world\","
                                + "\"body\":\"<p onmouseover=\\\"steal()\\\">Hi<script>alert(1)</script>"
                                + "<a href=\\\"javascript:alert(2)\\\">x</a><img src=x onerror=alert(3)></p>\"}");
        assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(201);
        JsonObject stored = json(hostile);
        assertThat(stored.get("headline").getAsString()).isEqualTo("Hostile body");
        assertThat(stored.get("body").getAsString()).isEqualTo("<p>Hi<a>x</a><img></p>");

        JsonObject kept = json(rest.get("/api/v1/articles/" + id, EDITOR));
        assertThat(kept.get("headline").getAsString()).isEqualTo("Kept safe");
        assertThat(kept.get("version").getAsString()).isEqualTo("1");
    }

    @Test
    void persianStoryRoundTripsByteForByteIncludingItsSlug() {
        String headline = "نشست شورای شهر درباره‌ی طرح ترافیک به هفته‌ی آینده موکول شد";
        String lead = "اعضای شورا گفتند بررسی طرح به گزارش کارشناسی تازه‌ای نیاز دارد.";
        String body =
                "<p>به گزارش خبرنگار ما، جلسه‌ی امروز پس از دو ساعت بحث بدون رأی‌گیری پایان یافت.</p>";
        String json =
                "{\"language\":\"fa\",\"section\":\"iran\",\"tags\":[\"شورای‌شهر\",\"ترافیک\"],\"headline\":\""
                        + headline
                        + "\",\"lead\":\""
                        + lead
                        + "\",\"body\":\""
                        + body
                        + "\",\"author\":\"سرویس شهری\"}";
        HttpResponse<String> created =
                rest.send(
                        "POST", "/api/v1/articles", EDITOR, json.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").getAsString();
        String slug = json(created).get("slug").getAsString();
        assertThat(slug).isEqualTo("نشست-شورای-شهر-درباره-ی-طرح-ترافیک-به-هفته-ی-آینده-موکول-شد");
        rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}");

        JsonObject read =
                json(
                        rest.get(
                                "/api/v1/articles/by-slug/"
                                        + URLEncoder.encode(slug, StandardCharsets.UTF_8)));
        assertThat(read.get("id").getAsString()).isEqualTo(id);
        assertThat(read.get("slug").getAsString()).isEqualTo(slug);
        assertThat(read.get("headline").getAsString().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(headline.getBytes(StandardCharsets.UTF_8));
        assertThat(read.get("lead").getAsString()).isEqualTo(lead);
        assertThat(read.get("body").getAsString()).isEqualTo(body);
        assertThat(read.get("author").getAsString()).isEqualTo("سرویس شهری");
        assertThat(read.getAsJsonArray("tags").toString()).isEqualTo("[\"شورای‌شهر\",\"ترافیک\"]");
        assertThat(read.get("language").getAsString()).isEqualTo("fa");
    }

    @Test
    void pageTokensStayStableWhileNewStoriesArePublished() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(0, publish(story("Sports roundup " + i, "sport")));
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        int guard = 0;
        do {
            HttpResponse<String> page =
                    rest.get(
                            "/api/v1/articles?section=sport&pageSize=2"
                                    + (token.isEmpty()
                                            ? ""
                                            : "&pageToken="
                                                    + URLEncoder.encode(
                                                            token, StandardCharsets.UTF_8)));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonObject body = json(page);
            if (body.has("articles")) {
                for (JsonElement a : body.getAsJsonArray("articles")) {
                    seen.add(a.getAsJsonObject().get("id").getAsString());
                    assertThat(a.getAsJsonObject().has("body")).isFalse();
                }
            }
            token = body.has("nextPageToken") ? body.get("nextPageToken").getAsString() : "";
            publish(story("Late sports news " + guard, "sport"));
        } while (!token.isEmpty() && ++guard < 10);
        assertThat(seen).containsExactlyElementsOf(published);
    }

    private String publish(String storyJson) {
        String id =
                json(rest.send("POST", "/api/v1/articles", EDITOR, storyJson))
                        .get("id")
                        .getAsString();
        assertThat(
                        rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}")
                                .statusCode())
                .isEqualTo(200);
        return id;
    }

    private static String story(String headline, String section) {
        return "{\"language\":\"en\",\"section\":\""
                + section
                + "\",\"tags\":[\"e2e\"],\"headline\":\""
                + headline
                + "\",\"lead\":\"Lead.\",\"body\":\"<p>Body.</p>\",\"author\":\"Wire desk\"}";
    }
}
