package dev.newsroom.gateway.e2e;

import dev.newsroom.testing.ServiceProcess;
import static dev.newsroom.gateway.e2e.Rest.error;
import static dev.newsroom.gateway.e2e.Rest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.newsroom.gateway.testing.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reader's comment through the gateway, with the real article-service and comment-service
 * processes on their own PostgreSQL databases and the real Redis: posted, held for a
 * moderator, approved, counted, replied to — and the e-mail never shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "newsroom.gateway.jwt.secret=" + TestTokens.SECRET,
})
class CommentsThroughGatewayTest {
    private static final String EDITOR = TestTokens.token("editor-9", "editor");
    private static final String MODERATOR = TestTokens.token("mod-9", "moderator");

    private static final ArticlesAnd SERVICES = new ArticlesAnd(ServiceProcess::comments);

    @LocalServerPort
    int port;
    private Rest rest;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWSROOM_ARTICLE_SERVICE_ADDRESS", () -> SERVICES.articles().grpcAddress());
        registry.add("NEWSROOM_COMMENT_SERVICE_ADDRESS", () -> SERVICES.other().grpcAddress());
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
    void anonymousCommentIsHeldThenApprovedCountedAndNeverShowsTheEmail() {
        String id = json(rest.send("POST", "/api/v1/articles", EDITOR, "{\"language\":\"en\",\"section\":\"world\","
                + "\"headline\":\"Talks resume in Vienna\",\"body\":\"<p>Body.</p>\"}")).get("id").getAsString();
        assertThat(rest.send("POST", "/api/v1/articles/" + id + ":publish", EDITOR, "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> posted = rest.send("POST", "/api/v1/articles/" + id + "/comments", null,
                "{\"authorName\":\"Sara\",\"email\":\"sara@example.org\",\"body\":\"A fair summary <script>alert(1)</script>\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonObject comment = json(posted);
        assertThat(comment.get("status").getAsString()).isEqualTo("PENDING");
        assertThat(posted.body()).doesNotContain("sara@example.org");
        String commentId = comment.get("id").getAsString();

        JsonObject before = json(rest.get("/api/v1/articles/" + id + "/comments"));
        assertThat(before.has("comments")).isFalse();

        error(rest.send("POST", "/api/v1/comments/" + commentId + ":approve", null, "{}"), 401, "UNAUTHENTICATED");
        error(rest.send("POST", "/api/v1/comments/" + commentId + ":approve", EDITOR, "{}"), 403, "PERMISSION_DENIED");
        HttpResponse<String> approved = rest.send("POST", "/api/v1/comments/" + commentId + ":approve", MODERATOR,
                "{\"reason\":\"fine\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        HttpResponse<String> thread = rest.get("/api/v1/articles/" + id + "/comments");
        assertThat(thread.statusCode()).isEqualTo(200);
        assertThat(json(thread).get("totalCount").getAsString()).isEqualTo("1");
        assertThat(thread.body()).contains("A fair summary").doesNotContain("sara@example.org");
        assertThat(rest.get("/api/v1/comment-counts?articleIds=" + id).body()).contains("\"count\":");

        HttpResponse<String> reply = rest.send("POST", "/api/v1/articles/" + id + "/comments", null,
                "{\"authorName\":\"Ali\",\"body\":\"I agree\",\"parentId\":\"" + commentId + "\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        error(rest.send("POST", "/api/v1/articles/" + id + "/comments", null,
                new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "INVALID_ARGUMENT");
        error(rest.send("POST", "/api/v1/articles/999999999/comments", null,
                "{\"authorName\":\"X\",\"body\":\"Hello\"}"), 404, "NOT_FOUND");
    }
}
