package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.proto.article.v1.ArticleProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST surface of the article contract, as discovered from its descriptors. */
class BindingCatalogTest {

    private static final BindingCatalog CATALOG =
            BindingCatalog.fromOuterClasses(List.of("dev.newsroom.proto.article.v1.ArticleProto"));

    @Test
    void everyHttpOptionBecomesABindingAndStreamsDoNot() {
        assertThat(CATALOG.bindings())
                .extracting(b -> b.httpMethod() + " " + b.template())
                .containsExactlyInAnyOrder(
                        "GET /api/v1/articles",
                        "GET /api/v1/articles/{id}",
                        "GET /api/v1/articles/by-slug/{slug}",
                        "POST /api/v1/articles",
                        "PATCH /api/v1/articles/{article.id}",
                        "POST /api/v1/articles/{id}:publish",
                        "POST /api/v1/articles/{id}:unpublish",
                        "DELETE /api/v1/articles/{id}",
                        "GET /api/v1/articles/{id}/revisions",
                        "GET /api/v1/sections",
                        "GET /api/v1/hot");
    }

    @Test
    void rolesComeFromTheAccessOption() {
        assertThat(CATALOG.match("POST", "/api/v1/articles").binding().requiredRoles())
                .containsExactly("editor");
        assertThat(CATALOG.match("GET", "/api/v1/articles/1").binding().requiredRoles()).isEmpty();
        assertThat(CATALOG.match("GET", "/api/v1/articles/1/revisions").binding().requiredRoles())
                .containsExactly("editor");
    }

    @Test
    void matchingPrefersLiteralsAndVerbs() {
        assertThat(CATALOG.match("GET", "/api/v1/articles/by-slug/x").binding().rpc().getName())
                .isEqualTo("GetArticleBySlug");
        assertThat(CATALOG.match("POST", "/api/v1/articles/5:publish").binding().rpc().getName())
                .isEqualTo("PublishArticle");
        assertThat(CATALOG.match("POST", "/api/v1/articles/5:publish").binding().customMethod())
                .isTrue();
        assertThat(
                        CATALOG.match("GET", "/api/v1/articles/5")
                                .binding()
                                .grpcMethod()
                                .getFullMethodName())
                .isEqualTo("newsroom.article.v1.ArticleService/GetArticle");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThat(
                        catchThrowableOfType(
                                        ApiException.class,
                                        () -> CATALOG.match("GET", "/api/v1/nothing"))
                                .error()
                                .code())
                .isEqualTo(404);
        ApiException wrongMethod =
                catchThrowableOfType(
                        ApiException.class, () -> CATALOG.match("PUT", "/api/v1/articles/1"));
        assertThat(wrongMethod.error().code()).isEqualTo(405);
        assertThat(wrongMethod.error().headers()).containsEntry("Allow", "DELETE, GET, PATCH");
    }

    @Test
    void sameFileTwiceIsLoadedOnce() {
        assertThat(
                        BindingCatalog.of(
                                        List.of(
                                                ArticleProto.getDescriptor(),
                                                ArticleProto.getDescriptor()))
                                .bindings())
                .hasSameSizeAs(CATALOG.bindings());
    }
}
