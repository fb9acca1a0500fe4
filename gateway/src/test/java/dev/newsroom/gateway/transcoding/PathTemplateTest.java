package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void literalPathMatchesOnlyItself() {
        PathTemplate template = PathTemplate.parse("/api/v1/articles");

        assertThat(template.match("/api/v1/articles")).isEmpty();
        assertThat(template.match("/api/v1/articles/")).isNull();
        assertThat(template.match("/api/v1/article")).isNull();
        assertThat(template.match("/api/v1/articles/1")).isNull();
    }

    @Test
    void variableCapturesOneDecodedSegment() {
        PathTemplate template = PathTemplate.parse("/api/v1/articles/by-slug/{slug}");

        assertThat(template.match("/api/v1/articles/by-slug/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86"))
                .isEqualTo(Map.of("slug", "ایران"));
        assertThat(template.match("/api/v1/articles/by-slug/a%2Fb"))
                .isEqualTo(Map.of("slug", "a/b"));
        assertThat(template.match("/api/v1/articles/by-slug/")).isNull();
        assertThat(template.match("/api/v1/articles/by-slug/a/b")).isNull();
    }

    @Test
    void dottedFieldPathsAndExplicitWildcards() {
        assertThat(PathTemplate.parse("/api/v1/articles/{article.id}").match("/api/v1/articles/42"))
                .isEqualTo(Map.of("article.id", "42"));
        assertThat(
                        PathTemplate.parse("/api/v1/articles/{id=*}/revisions")
                                .match("/api/v1/articles/7/revisions"))
                .isEqualTo(Map.of("id", "7"));
    }

    @Test
    void customVerbIsMatchedAndStripped() {
        PathTemplate publish = PathTemplate.parse("/api/v1/articles/{id}:publish");

        assertThat(publish.verb()).isEqualTo("publish");
        assertThat(publish.match("/api/v1/articles/42:publish")).isEqualTo(Map.of("id", "42"));
        assertThat(publish.match("/api/v1/articles/42:unpublish")).isNull();
        assertThat(publish.match("/api/v1/articles/42")).isNull();
        assertThat(PathTemplate.parse("/api/v1/search:suggest").match("/api/v1/search:suggest"))
                .isEmpty();
    }

    @Test
    void templateWithoutVerbKeepsColonsInValues() {
        assertThat(PathTemplate.parse("/api/v1/articles/{id}").match("/api/v1/articles/42:publish"))
                .isEqualTo(Map.of("id", "42:publish"));
    }

    @Test
    void multiSegmentVariablesAndTrailingDoubleWildcard() {
        PathTemplate template = PathTemplate.parse("/v1/{name=shelves/*/books/*}:read");
        assertThat(template.match("/v1/shelves/s1/books/b2:read"))
                .isEqualTo(Map.of("name", "shelves/s1/books/b2"));
        assertThat(template.match("/v1/racks/s1/books/b2:read")).isNull();

        PathTemplate rest = PathTemplate.parse("/files/{path=**}");
        assertThat(rest.match("/files/a/b/c.txt")).isEqualTo(Map.of("path", "a/b/c.txt"));
        assertThat(rest.match("/files")).isEqualTo(Map.of("path", ""));
        assertThat(rest.match("/folders/a")).isNull();
        assertThat(PathTemplate.parse("/static/**").match("/static/x/y")).isEmpty();
    }

    @Test
    void moreLiteralTemplatesAreMoreSpecific() {
        assertThat(PathTemplate.parse("/a/by-slug/{slug}").specificity())
                .isGreaterThan(PathTemplate.parse("/a/{id}/{x}").specificity());
        assertThat(PathTemplate.parse("/a/{id}:publish").specificity())
                .isGreaterThan(PathTemplate.parse("/a/{id}").specificity());
    }

    @Test
    void malformedTemplatesAreRejected() {
        for (String bad :
                new String[] {
                    "api/v1",
                    "/",
                    "/a/{id",
                    "/a/{id}}",
                    "/a/{x{y}}",
                    "/a/**/b",
                    "/a/b*",
                    "/a/{1x}",
                    "/a/{id}:",
                    "/a//b"
                }) {
            assertThatThrownBy(() -> PathTemplate.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
