package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleProto;
import dev.newsroom.proto.article.v1.ListArticlesRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding against the real article contract: plain inputs in, request messages out. */
class RequestBinderTest {

    private static final BindingCatalog CATALOG =
            BindingCatalog.of(List.of(ArticleProto.getDescriptor()));

    @Test
    void queryParametersFillTheListRequest() throws Exception {
        ListArticlesRequest request =
                bind(
                        "GET",
                        "/api/v1/articles",
                        "pageSize=5&page_token=t1&section=iran&status=DRAFT&language=fa",
                        "",
                        ListArticlesRequest.parser());

        assertThat(request)
                .isEqualTo(
                        ListArticlesRequest.newBuilder()
                                .setPageSize(5)
                                .setPageToken("t1")
                                .setSection("iran")
                                .setStatus(Article.Status.DRAFT)
                                .setLanguage("fa")
                                .build());
    }

    @Test
    void enumsAcceptTheirNumbersToo() throws Exception {
        assertThat(
                        bind(
                                        "GET",
                                        "/api/v1/articles",
                                        "status=3",
                                        "",
                                        ListArticlesRequest.parser())
                                .getStatus())
                .isEqualTo(Article.Status.PUBLISHED);
    }

    @Test
    void updateWithoutMaskGetsTheBodyKeysAsProtoNames() throws Exception {
        UpdateArticleRequest request =
                bind(
                        "PATCH",
                        "/api/v1/articles/42",
                        "",
                        "{\"headline\":\"New\",\"lead\":\"L\",\"tags\":[\"a\"],\"version\":\"3\"}",
                        UpdateArticleRequest.parser());

        assertThat(request.getArticle().getId()).isEqualTo(42);
        assertThat(request.getArticle().getHeadline()).isEqualTo("New");
        assertThat(request.getUpdateMask().getPathsList())
                .containsExactly("headline", "lead", "tags", "version");
    }

    @Test
    void protoNamesInTheBodyAreAcceptedAndMasked() throws Exception {
        UpdateArticleRequest request =
                bind(
                        "PATCH",
                        "/api/v1/articles/42",
                        "",
                        "{\"headline\":\"x\",\"create_time\":\"2024-01-01T00:00:00Z\"}",
                        UpdateArticleRequest.parser());

        assertThat(request.getUpdateMask().getPathsList())
                .containsExactly("headline", "create_time");
    }

    @Test
    void explicitMaskIsKept() throws Exception {
        UpdateArticleRequest request =
                bind(
                        "PATCH",
                        "/api/v1/articles/42",
                        "updateMask=headline,lead",
                        "{\"headline\":\"x\",\"body\":\"b\"}",
                        UpdateArticleRequest.parser());

        assertThat(request.getUpdateMask().getPathsList()).containsExactly("headline", "lead");
    }

    @Test
    void wholeBodyAndPathVariableCombine() throws Exception {
        PublishArticleRequest request =
                bind(
                        "POST",
                        "/api/v1/articles/42:publish",
                        "",
                        "{\"publishTime\":\"2030-01-01T08:00:00Z\",\"version\":7}",
                        PublishArticleRequest.parser());

        assertThat(request.getId()).isEqualTo(42);
        assertThat(request.getVersion()).isEqualTo(7);
        assertThat(request.getPublishTime().getSeconds()).isEqualTo(1893484800L);
    }

    @Test
    void queryParametersAreNotAllowedWithAWholeBody() {
        assertThatThrownBy(
                        () ->
                                bind(
                                        "POST",
                                        "/api/v1/articles/42:publish",
                                        "version=3",
                                        "{}",
                                        PublishArticleRequest.parser()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("version");
    }

    @Test
    void badValuesAreRejectedWithTheFieldNamed() {
        ApiException error =
                (ApiException)
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        bind(
                                                "GET",
                                                "/api/v1/articles/x1",
                                                "",
                                                "",
                                                ListArticlesRequest.parser()));
        assertThat(error.error().code()).isEqualTo(400);
        assertThat(error.error().details())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.field()).isEqualTo("id");
                            assertThat(v.description()).contains("int64");
                        });
        assertThatThrownBy(
                        () ->
                                bind(
                                        "GET",
                                        "/api/v1/articles",
                                        "status=LOST",
                                        "",
                                        ListArticlesRequest.parser()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(
                        () ->
                                bind(
                                        "GET",
                                        "/api/v1/articles",
                                        "pageSize=9999999999",
                                        "",
                                        ListArticlesRequest.parser()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void bodyErrorsAre400() {
        for (String body :
                new String[] {
                    "{",
                    "{\"headline\":1}x",
                    "{\"nope\":1}",
                    "{\"version\":\"v\"}",
                    "\"text\"",
                    "{\"tags\":{\"a\":1}}"
                }) {
            assertThatThrownBy(
                            () ->
                                    bind(
                                            "PATCH",
                                            "/api/v1/articles/1",
                                            "",
                                            body,
                                            UpdateArticleRequest.parser()))
                    .as(body)
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).error().code()).isEqualTo(400));
        }
    }

    @Test
    void overBudgetFieldsAre400NamingTheFieldWhereverTheyCameFrom() {
        assertViolation(
                () ->
                        bind(
                                "GET",
                                "/api/v1/articles",
                                "section=" + "s".repeat(41),
                                "",
                                ListArticlesRequest.parser()),
                "section",
                "must be at most 40 characters");
        assertViolation(
                () ->
                        bind(
                                "GET",
                                "/api/v1/articles/by-slug/" + "x".repeat(641),
                                "",
                                "",
                                ListArticlesRequest.parser()),
                "slug",
                "must be at most 640 characters");
        assertViolation(
                () ->
                        bind(
                                "PATCH",
                                "/api/v1/articles/1",
                                "",
                                "{\"headline\":\"" + "h".repeat(601) + "\"}",
                                UpdateArticleRequest.parser()),
                "headline",
                "must be at most 600 characters");
        String tags = "[" + String.join(",", java.util.Collections.nCopies(101, "\"t\"")) + "]";
        assertViolation(
                () ->
                        bind(
                                "POST",
                                "/api/v1/articles",
                                "",
                                "{\"tags\":" + tags + "}",
                                UpdateArticleRequest.parser()),
                "tags",
                "must have at most 100 items");
    }

    @Test
    void aHugeOverBudgetStringIsRefusedQuickly() {
        String body = "{\"lead\":\"a" + " ".repeat(900_000) + "a\"}";
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertViolation(
                    () ->
                            bind(
                                    "PATCH",
                                    "/api/v1/articles/1",
                                    "",
                                    body,
                                    UpdateArticleRequest.parser()),
                    "lead",
                    "must be at most 4000 characters");
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("binding a 900,000-space field: " + best + " ms at best");
        assertThat(best).as("ms").isLessThan(100);
    }

    @Test
    void charactersAreCountedAsCodePoints() throws Exception {
        String emoji = "\uD83D\uDE00".repeat(40); // 80 UTF-16 units, 40 characters
        assertThat(
                        bind(
                                        "GET",
                                        "/api/v1/articles",
                                        "section="
                                                + java.net.URLEncoder.encode(
                                                        emoji, StandardCharsets.UTF_8),
                                        "",
                                        ListArticlesRequest.parser())
                                .getSection())
                .isEqualTo(emoji);
    }

    @Test
    void deepOrWideBodiesAreRefusedBeforeATreeIsBuilt() {
        String deep = "{\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThatThrownBy(
                        () ->
                                bind(
                                        "PATCH",
                                        "/api/v1/articles/1",
                                        "",
                                        deep,
                                        UpdateArticleRequest.parser()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("nests deeper than 16");
        String wide = "{\"x\":[" + "1,".repeat(5000) + "1]}";
        assertThatThrownBy(
                        () ->
                                bind(
                                        "PATCH",
                                        "/api/v1/articles/1",
                                        "",
                                        wide,
                                        UpdateArticleRequest.parser()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("more than 1000 members");
    }

    private static void assertViolation(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            String field,
            String description) {
        ApiException error = (ApiException) org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(error).as("refused").isNotNull();
        assertThat(error.error().code()).isEqualTo(400);
        assertThat(error.error().details())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.description()).isEqualTo(description);
                        });
    }

    @Test
    void queryStringsDecodePlusAndPercent() {
        assertThat(RequestBinder.parseQuery("q=a+b&q=%C3%A9&flag&=x"))
                .isEqualTo(Map.of("q", List.of("a b", "é"), "flag", List.of(""), "", List.of("x")));
        assertThatThrownBy(() -> RequestBinder.parseQuery("q=%zz"))
                .isInstanceOf(ApiException.class);
    }

    private static <T> T bind(
            String method,
            String path,
            String query,
            String body,
            com.google.protobuf.Parser<T> parser)
            throws InvalidProtocolBufferException {
        BindingCatalog.Match match = CATALOG.match(method, path);
        DynamicMessage message =
                RequestBinder.bind(
                        match.binding(),
                        match.pathVariables(),
                        RequestBinder.parseQuery(query),
                        body.getBytes(StandardCharsets.UTF_8));
        return parser.parseFrom(message.toByteString());
    }
}
