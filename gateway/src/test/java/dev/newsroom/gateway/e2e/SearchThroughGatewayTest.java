package dev.newsroom.gateway.e2e;

import static dev.newsroom.gateway.e2e.Rest.error;
import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.testing.ServiceProcess;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Search as a reader meets it: stories published and withdrawn through the gateway, found
 * and gone within 2 s through the gateway's search routes, with the real article-service (on
 * its own PostgreSQL database) and search-service (on its own index, following the feed).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
        })
class SearchThroughGatewayTest {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
    private static final String EDITOR = TestTokens.token("editor-7", "editor");

    private static final ArticlesAnd SERVICES = new ArticlesAnd(ServiceProcess::search);

    @LocalServerPort int port;
    private Rest rest;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWSROOM_ARTICLE_SERVICE_ADDRESS", () -> SERVICES.articles().grpcAddress());
        registry.add("NEWSROOM_SEARCH_SERVICE_ADDRESS", () -> SERVICES.other().grpcAddress());
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
    void aPublishedStoryIsFoundWithinTwoSecondsAndItsWithdrawalRemovesIt() {
        String id =
                publish(
                        "en",
                        "economy",
                        "Wheat harvest breaks records in Kansas",
                        "<p>Farmers in Kansas brought in the largest wheat harvest on record.</p>");
        assertThat(foundWithin(VISIBLE_WITHIN, "wheat harvest", id, true))
                .as("found within 2 s")
                .isTrue();

        JsonObject hit =
                hitsOf("wheat harvest").stream()
                        .filter(h -> h.get("id").getAsString().equals(id))
                        .findFirst()
                        .orElseThrow();
        assertThat(hit.getAsJsonObject("highlights").get("headline").getAsString())
                .contains("<mark>Wheat</mark>");
        assertThat(json(rest.get("/api/v1/search:suggest?q=Whea")).toString())
                .contains("Wheat harvest breaks records");
        assertThat(rest.get("/api/v1/articles/" + id + "/related").statusCode()).isEqualTo(200);

        assertThat(
                        rest.send("DELETE", "/api/v1/articles/" + id, EDITOR, (String) null)
                                .statusCode())
                .isEqualTo(200);
        assertThat(foundWithin(VISIBLE_WITHIN, "wheat harvest", id, false))
                .as("gone within 2 s")
                .isTrue();
    }

    @Test
    void persianTypedWithArabicLettersIsFoundWithPersianLettersAndTheReverse() {
        // ي and ك (Arabic) in the story, ی and ک (Persian) in the query; a ZWNJ variant too
        String id =
                publish(
                        "fa",
                        "politics",
                        "سياست خارجي كشور",
                        "<p>گزارش درباره سياست‌هاي كشور.</p>");
        assertThat(foundWithin(VISIBLE_WITHIN, "سیاست خارجی کشور", id, true)).isTrue();
        assertThat(foundWithin(VISIBLE_WITHIN, "سياستهای", id, true)).as("ZWNJ-less form").isTrue();
        String other = publish("fa", "politics", "بازار کتاب یزد", "<p>نمایشگاه کتاب.</p>");
        assertThat(foundWithin(VISIBLE_WITHIN, "كتاب يزد", other, true))
                .as("Arabic letters find Persian ones")
                .isTrue();
    }

    @Test
    void aMisspeltWordGetsADidYouMeanOfTheStoriesOwnWords() {
        String id =
                publish(
                        "en",
                        "science",
                        "Quasicrystal lattice imaged",
                        "<p>Physicists imaged a quasicrystal lattice.</p>");
        assertThat(foundWithin(VISIBLE_WITHIN, "quasicrystal", id, true)).isTrue();
        JsonObject answer =
                json(
                        rest.get(
                                "/api/v1/search?q="
                                        + URLEncoder.encode(
                                                "quasicrystl lattice", StandardCharsets.UTF_8)));
        assertThat(answer.get("suggestion").getAsString()).isEqualTo("quasicrystal lattice");
        assertThat(json(rest.get("/api/v1/search?q=quasicrystal")).has("suggestion")).isFalse();
    }

    @Test
    void hostileAndMalformedQueriesAreAnsweredNeverWithA500() {
        for (String q :
                List.of(
                        "\"unbalanced (AND OR -- ** ~ ^ \\\\",
                        "<script>alert(1)</script>",
                        "-",
                        "OR OR OR",
                        "\u202e\u0000",
                        "x".repeat(5000),
                        "w,".repeat(240),
                        "\"" + "w ".repeat(400) + "\"",
                        "a OR ".repeat(100))) {
            HttpResponse<String> r =
                    rest.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(q + " → " + r.body()).isLessThan(500);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("<script>");
        }
        error(rest.get("/api/v1/search?q=a&sort=sideways"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/search?q=a&pageToken=forged"), 400, "INVALID_ARGUMENT");
        error(rest.get("/api/v1/search?q=a&pageSize=abc"), 400, "INVALID_ARGUMENT");
        error(rest.send("POST", "/api/v1/search:reindex", null, "{}"), 401, "UNAUTHENTICATED");
        error(rest.send("POST", "/api/v1/search:reindex", EDITOR, "{}"), 403, "PERMISSION_DENIED");
    }

    private String publish(String language, String section, String headline, String body) {
        String id =
                json(rest.send(
                                "POST",
                                "/api/v1/articles",
                                EDITOR,
                                "{\"language\":\""
                                        + language
                                        + "\",\"section\":\""
                                        + section
                                        + "\",\"headline\":\""
                                        + headline
                                        + "\",\"body\":\""
                                        + body
                                        + "\"}"))
                        .get("id")
                        .getAsString();
        assertThat(
                        rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}")
                                .statusCode())
                .isEqualTo(200);
        return id;
    }

    private boolean foundWithin(Duration limit, String q, String id, boolean present) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            boolean found = hitsOf(q).stream().anyMatch(h -> h.get("id").getAsString().equals(id));
            if (found == present) {
                return true;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private List<JsonObject> hitsOf(String q) {
        HttpResponse<String> r =
                rest.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonObject> hits = new ArrayList<>();
        JsonElement array = json(r).get("hits");
        if (array != null) {
            array.getAsJsonArray().forEach(h -> hits.add(h.getAsJsonObject()));
        }
        return hits;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
