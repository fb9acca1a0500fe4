package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.search.support.MemoryStories;
import dev.newsroom.search.support.ShippedConfig;
import dev.newsroom.testing.FuzzInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader types into search, as the service reads it: {@link QueryText#parse} and the
 * whole {@link StorySearch#search} over a few stories in memory (the query built from it,
 * Lucene's clause limit, highlighting). Search documents one failure, an
 * {@link IllegalArgumentException} for a foreign page token, which this target never sends;
 * so any exception is a finding, and so is a parse over {@link FuzzInput#BUDGET_MILLIS} or a
 * whole search (query building, scoring with feedback, highlighting, under Jazzer's hooks) over
 * {@link #SEARCH_BUDGET_MILLIS} for one input (docs/fuzzing.md).
 *
 * <p>Input: byte 0 picks the language filter ("" = by script, fa, en), the rest is the query.
 */
class QueryTextFuzzTest {
    static final long SEARCH_BUDGET_MILLIS = 250;
    private static final List<String> LANGUAGES = List.of("", "fa", "en");
    private static final SearchConfig CONFIG = ShippedConfig.search();
    private static final MemoryStories STORIES = stories();

    static {
        FuzzInput.warmUp(
                100,
                () -> {
                    try {
                        STORIES.search("oil \"crude prices\" -asia OR europe قیمت", "");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @FuzzTest(maxDuration = "15s")
    void searchesAnyText(byte[] data) {
        String language =
                data.length == 0 ? "" : LANGUAGES.get((data[0] & 0xFF) % LANGUAGES.size());
        String q = data.length == 0 ? "" : FuzzInput.text(Arrays.copyOfRange(data, 1, data.length));
        QueryText parsed =
                FuzzInput.resultWithinBudget(
                        "parse of " + q.length() + " chars",
                        () ->
                                QueryText.parse(
                                        q, CONFIG.maxQueryLength(), CONFIG.maxQueryClauses()));
        long terms =
                parsed.excluded().size()
                        + parsed.required().stream().mapToLong(g -> g.alternatives().size()).sum();
        assertThat(terms)
                .isLessThanOrEqualTo(
                        CONFIG.maxQueryClauses() + 1); // a trailing OR adds one plain word
        parsed.required()
                .forEach(g -> g.alternatives().forEach(t -> assertThat(t.text()).isNotBlank()));
        FuzzInput.withinBudget(
                "search of " + q.length() + " chars",
                SEARCH_BUDGET_MILLIS,
                () -> {
                    try {
                        STORIES.search(q, language);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static MemoryStories stories() {
        try {
            MemoryStories stories = new MemoryStories();
            stories.add(
                    "en",
                    "world",
                    "Oil prices rise in Asia",
                    "Crude oil prices rose, title:foo and wildcards* too");
            stories.add(
                    "fa", "economy", "قیمت نفت بالا رفت", "قیمت‌های نفت خام در آسیا افزایش یافت");
            stories.add(
                    "en",
                    "sport",
                    "Kish Island marathon",
                    "Runners on the island; a \"phrase\" and -dashes");
            return stories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
