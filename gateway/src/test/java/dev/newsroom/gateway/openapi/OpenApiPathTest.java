package dev.newsroom.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.gateway.transcoding.PathTemplate;
import org.junit.jupiter.api.Test;

/** Path templates of google.api.http rules as OpenAPI paths. */
class OpenApiPathTest {

    @Test
    void variablesAndVerbsStayAsTheyAre() {
        assertThat(OpenApiPath.of(PathTemplate.parse("/api/v1/articles/{id}:publish")).path())
                .isEqualTo("/api/v1/articles/{id}:publish");
        assertThat(OpenApiPath.of(PathTemplate.parse("/api/v1/articles/{article.id}")).path())
                .isEqualTo("/api/v1/articles/{article.id}");
    }

    @Test
    void aVariableOverSeveralSegmentsBecomesOneParameterThatKeepsItsPattern() {
        OpenApiPath path = OpenApiPath.of(PathTemplate.parse("/v1/{name=shelves/*/books/**}:read"));

        assertThat(path.path()).isEqualTo("/v1/{name}:read");
        assertThat(path.segmentPatterns()).containsEntry("name", "shelves/*/books/**");
        assertThat(OpenApiPath.of(PathTemplate.parse("/v1/{id=*}")).segmentPatterns()).isEmpty();
    }

    @Test
    void aWildcardOutsideAVariableHasNoOpenApiForm() {
        assertThatThrownBy(() -> OpenApiPath.of(PathTemplate.parse("/v1/*/things")))
                .isInstanceOf(IllegalStateException.class);
    }
}
