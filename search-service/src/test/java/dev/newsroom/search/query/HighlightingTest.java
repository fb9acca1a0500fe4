package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.search.support.MemoryStories;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HighlightingTest {

    @Test
    void storyTextIsEscapedBeforeMatchesAreMarked() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add(
                "en",
                "world",
                "Parliament <b>votes</b> & debates",
                "<p>The parliament met. &lt;script&gt;alert('x')&lt;/script&gt; Parliament voted late.</p>");

        StoryHit hit = stories.search("parliament", "").hits().get(0);

        assertThat(hit.headlineMarked())
                .isEqualTo("<mark>Parliament</mark> &lt;b&gt;votes&lt;&#x2F;b&gt; &amp; debates");
        assertThat(String.join(" ", hit.snippets()))
                .contains("<mark>parliament</mark>")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void everyHitIsMarkedInItsOwnTextAcrossSegments() throws Exception {
        // the highlighter reads each term's postings forward through the page's hits, segment by
        // segment
        MemoryStories stories = new MemoryStories();
        Map<Long, Integer> markerOf = new HashMap<>();
        for (int segment = 0; segment < 3; segment++) {
            for (int i = 0; i < 12; i++) {
                int marker = segment * 100 + i;
                String filler = " Filler sentence number %d here.".formatted(marker).repeat(i % 4);
                String body =
                        i % 3 == 0
                                ? "<p>Nothing to see for m%d.%s</p>".formatted(marker, filler)
                                : "<p>%s The zebra m%d crossed.%s And a lion m%d.</p>"
                                        .formatted(filler, marker, filler, marker);
                markerOf.put(stories.add("en", "world", "Story m" + marker, body), marker);
            }
            stories.newSegment();
        }

        List<StoryHit> hits = stories.search("zebra OR lion", "").hits();

        assertThat(hits).hasSize(20);
        for (StoryHit hit : hits) {
            String snippets = String.join(" ", hit.snippets());
            int marker = markerOf.get(hit.id());
            assertThat(snippets)
                    .as("story m%d", marker)
                    .contains("<mark>zebra</mark> m" + marker + " crossed")
                    .contains("<mark>lion</mark> m" + marker)
                    .doesNotContainPattern("m(?!" + marker + "\\b)\\d+ crossed");
        }
    }

    @Test
    void passageScoreIsLucenesOwn() {
        Random random = new Random(42);
        BytesRef[] vocabulary = {
            new BytesRef("zebra"), new BytesRef("lion"), new BytesRef("gnu"), new BytesRef("okapi")
        };
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            int matches = random.nextInt(round % 10 == 0 ? 100 : 8);
            passage.setEndOffset(start + matches * 30 + random.nextInt(200));
            int at = start;
            for (int m = 0; m < matches; m++) {
                at += 1 + random.nextInt(20);
                BytesRef term = vocabulary[random.nextInt(vocabulary.length)];
                passage.addMatch(at, at + term.length, term, 1 + term.length * 3);
            }
            int contentLength = passage.getEndOffset() + random.nextInt(10_000);

            assertThat(new Highlighter.PassageScore().score(passage, contentLength))
                    .isEqualTo(new PassageScorer().score(passage, contentLength));
        }
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
            assertThat(result.facets())
                    .containsExactly(
                            java.util.Map.entry("world", 2L), java.util.Map.entry("politics", 1L));
        }
    }
}
