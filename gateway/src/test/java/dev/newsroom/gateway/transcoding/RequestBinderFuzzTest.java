package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.testing.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON → proto binder against any request: a route of the contract, raw query string, body
 * and path variable values from the fuzzer. The only documented failure is {@link ApiException}
 * with a 4xx code (the client's mistake); anything else, or an input that takes more than
 * {@link FuzzInput#BUDGET_MILLIS}, is a finding (docs/fuzzing.md).
 *
 * <p>Input: byte 0 picks the route (modulo the number of routes), the rest is NUL-separated:
 * raw query string, body, then one value per path variable.
 */
class RequestBinderFuzzTest {
    private static final BindingCatalog CATALOG =
            BindingCatalog.fromOuterClasses(
                    List.of(
                            "dev.newsroom.proto.article.v1.ArticleProto",
                            "dev.newsroom.proto.comment.v1.CommentProto",
                            "dev.newsroom.proto.search.v1.SearchProto"));

    static {
        FuzzInput.warmUp(
                20,
                () ->
                        CATALOG.bindings()
                                .forEach(
                                        binding -> {
                                            Map<String, String> variables = new LinkedHashMap<>();
                                            binding.template()
                                                    .variableNames()
                                                    .forEach(name -> variables.put(name, "1"));
                                            try {
                                                RequestBinder.bind(
                                                        binding,
                                                        variables,
                                                        RequestBinder.parseQuery("pageSize=2"),
                                                        "{\"headline\":\"h\",\"tags\":[\"a\"]}"
                                                                .getBytes(StandardCharsets.UTF_8));
                                            } catch (ApiException expected) {
                                                // most routes take neither the parameter nor these
                                                // fields
                                            }
                                        }));
    }

    @FuzzTest(maxDuration = "15s")
    void bindsOrAnswers4xx(byte[] data) {
        if (data.length == 0) {
            return;
        }
        List<HttpBinding> bindings = CATALOG.bindings();
        HttpBinding binding = bindings.get((data[0] & 0xFF) % bindings.size());
        byte[] rest = new byte[data.length - 1];
        System.arraycopy(data, 1, rest, 0, rest.length);
        List<byte[]> parts = FuzzInput.parts(rest);
        String rawQuery =
                parts.get(0).length == 0
                        ? null
                        : new String(parts.get(0), StandardCharsets.ISO_8859_1);
        byte[] body = parts.size() > 1 ? parts.get(1) : new byte[0];
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> names = binding.template().variableNames();
        for (int i = 0; i < names.size(); i++) {
            variables.put(
                    names.get(i), parts.size() > 2 + i ? FuzzInput.text(parts.get(2 + i)) : "1");
        }
        FuzzInput.withinBudget(
                binding.toString(),
                () -> {
                    try {
                        RequestBinder.bind(
                                binding, variables, RequestBinder.parseQuery(rawQuery), body);
                    } catch (ApiException e) {
                        assertThat(e.error().code()).as(e.getMessage()).isBetween(400, 499);
                    }
                });
    }
}
