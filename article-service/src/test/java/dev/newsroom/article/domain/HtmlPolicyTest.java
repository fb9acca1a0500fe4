package dev.newsroom.article.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlPolicyTest {

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreRemoved() {
        String dirty =
                "<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                        + "<img src=x onerror=alert(3)><iframe src=\"https://evil\"></iframe><style>p{}</style></p>";
        String clean = HtmlPolicy.sanitize(dirty);
        assertThat(clean)
                .doesNotContainIgnoringCase("script")
                .doesNotContain("onclick")
                .doesNotContain("javascript:")
                .doesNotContain("onerror")
                .doesNotContain("iframe")
                .doesNotContain("style");
        assertThat(clean).contains("<p>Hello ");
    }

    @Test
    void ordinaryStoryMarkupIsKeptAsWritten() {
        String html =
                "<h2>Background</h2><p>The <strong>minister</strong> said <em>nothing</em>.</p>"
                        + "<blockquote>Quote</blockquote><ul><li>one</li></ul><p><a href=\"https://example.org/a\">link</a></p>";
        assertThat(HtmlPolicy.sanitize(html)).isEqualTo(html);
    }

    @Test
    void persianTextRoundTripsUnchanged() {
        String html = "<p dir=\"rtl\">خبرگزاری‌ها گزارش دادند که بارش‌ها ادامه می‌یابد.</p>";
        assertThat(HtmlPolicy.sanitize(html)).isEqualTo(html);
    }

    @Test
    void aBodyNestedDeeperThanTheBudgetIsRefusedBeforeParsing() {
        String deep = "<b>".repeat(20_000) + "x" + "</b>".repeat(20_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> HtmlPolicy.sanitize(deep))
                .isInstanceOf(StoryException.Invalid.class)
                .hasMessageContaining("body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void depthCountsOpenElementsButNotVoidOnesOrClosedOnes() {
        assertThat(HtmlPolicy.depth("<p>a<br>b<img src=x></p><p><b><i>c</i></b></p>")).isEqualTo(3);
        assertThat(HtmlPolicy.depth("<p>" + "line<br>".repeat(10_000) + "</p>")).isEqualTo(1);
        assertThat(HtmlPolicy.depth("a < b and 3<4 </>")).isZero();
    }
}
