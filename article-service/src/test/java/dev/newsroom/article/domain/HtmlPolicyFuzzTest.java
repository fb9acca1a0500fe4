package dev.newsroom.article.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.testing.FuzzInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Story body sanitising on any HTML (what {@code StoryRules} calls). {@link HtmlPolicy#sanitize}
 * documents one failure, {@link StoryException.Invalid} for a body nested too deep: any other
 * exception, a script/style element or an event-handler or
 * {@code javascript:} attribute in the result, or more than {@link FuzzInput#BUDGET_MILLIS}
 * for one input is a finding (docs/fuzzing.md).
 */
class HtmlPolicyFuzzTest {
    static {
        FuzzInput.warmUp(
                300,
                () ->
                        HtmlPolicy.sanitize(
                                "<p onclick=\"x()\">Kish <b><i>island</i></b> <script>alert(1)</script>"
                                        + "<a href=\"https://e.x/\">a</a><table><tr><td>1</td></tr></table><figure><img src=\"https://e.x/a.png\"></figure></p>"));
    }

    @FuzzTest(maxDuration = "15s")
    void sanitisesAnyHtml(byte[] data) {
        String html = FuzzInput.text(data);
        String clean =
                FuzzInput.resultWithinBudget(
                        "sanitize of " + html.length() + " chars",
                        () -> {
                            try {
                                return HtmlPolicy.sanitize(html);
                            } catch (StoryException.Invalid tooDeep) {
                                return "";
                            }
                        });
        for (Element element : Jsoup.parseBodyFragment(clean).body().getAllElements()) {
            assertThat(element.normalName())
                    .as(clean)
                    .isNotIn("script", "style", "iframe", "object", "embed");
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase()).as(clean).doesNotStartWith("on");
                assertThat(attribute.getValue().strip().toLowerCase())
                        .as(clean)
                        .doesNotStartWith("javascript:");
            }
        }
    }
}
