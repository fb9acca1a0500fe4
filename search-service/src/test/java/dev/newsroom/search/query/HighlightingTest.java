package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.search.support.MemoryStories;
import org.junit.jupiter.api.Test;

class HighlightingTest {

    @Test
    void storyTextIsEscapedBeforeMatchesAreMarked() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add("en", "world", "Parliament <b>votes</b> & debates",
                "<p>The parliament met. &lt;script&gt;alert('x')&lt;/script&gt; Parliament voted late.</p>");

        StoryHit hit = stories.search("parliament", "").hits().get(0);

        assertThat(hit.headlineMarked()).isEqualTo("<mark>Parliament</mark> &lt;b&gt;votes&lt;&#x2F;b&gt; &amp; debates");
        assertThat(String.join(" ", hit.snippets()))
                .contains("<mark>parliament</mark>")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void facetsCountMatchesPerSection() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add("en", "world", "Election news", "");
        stories.add("en", "world", "More election news", "");
        stories.add("en", "politics", "Election law", "");
        stories.add("en", "sport", "Football", "");

        StorySearchResultAssert.facets(stories.search("election", ""));
    }

    static final class StorySearchResultAssert {
        static void facets(StorySearch.Result result) {
            assertThat(result.totalHits()).isEqualTo(3);
            assertThat(result.facets()).containsExactly(java.util.Map.entry("world", 2L), java.util.Map.entry("politics", 1L));
        }
    }
}
