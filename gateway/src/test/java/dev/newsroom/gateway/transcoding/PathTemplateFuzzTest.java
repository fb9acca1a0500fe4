package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.testing.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Path templates and request paths from the fuzzer. {@link PathTemplate#parse} documents one
 * failure, {@link IllegalArgumentException} (a template the contract could never ship);
 * {@link PathTemplate#match} documents none (no match is {@code null}); the catalog's match
 * answers 404 or 405 as {@link ApiException}. Anything else, or more than
 * {@link FuzzInput#BUDGET_MILLIS} per input, is a finding (docs/fuzzing.md).
 *
 * <p>Input, NUL-separated: a template, then request paths (raw, still percent-encoded).
 */
class PathTemplateFuzzTest {
    private static final BindingCatalog CATALOG =
            BindingCatalog.fromOuterClasses(
                    List.of(
                            "dev.newsroom.proto.article.v1.ArticleProto",
                            "dev.newsroom.proto.comment.v1.CommentProto",
                            "dev.newsroom.proto.search.v1.SearchProto"));
    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE");

    static {
        FuzzInput.warmUp(
                300,
                () -> {
                    PathTemplate.parse("/v1/{name=shelves/*}/books/**:verb")
                            .match("/v1/shelves/1/books/a/b:verb");
                    try {
                        CATALOG.match("GET", "/api/v1/articles/by-slug/a%20b");
                    } catch (ApiException e) {
                        // no such route: fine for a warm-up
                    }
                });
    }

    @FuzzTest(maxDuration = "15s")
    void parsesMatchesOrRefuses(byte[] data) {
        List<byte[]> parts = FuzzInput.parts(data);
        String source = FuzzInput.text(parts.get(0));
        List<String> paths =
                parts.stream()
                        .skip(1)
                        .map(p -> new String(p, StandardCharsets.ISO_8859_1))
                        .toList();
        FuzzInput.withinBudget(
                "template " + source.length() + " chars",
                () -> {
                    PathTemplate template = null;
                    try {
                        template = PathTemplate.parse(source);
                    } catch (IllegalArgumentException refused) {
                        // documented: not a template
                    }
                    for (String path : paths) {
                        if (template != null) {
                            Map<String, String> values = template.match(path);
                            if (values != null) {
                                assertThat(values.keySet())
                                        .containsExactlyElementsOf(template.variableNames());
                            }
                        }
                        String method = METHODS.get(Math.floorMod(path.hashCode(), METHODS.size()));
                        try {
                            BindingCatalog.Match match = CATALOG.match(method, path);
                            assertThat(match.pathVariables().keySet())
                                    .containsExactlyElementsOf(
                                            match.binding().template().variableNames());
                        } catch (ApiException e) {
                            assertThat(e.error().code()).as(e.getMessage()).isIn(404, 405);
                        }
                    }
                });
    }
}
