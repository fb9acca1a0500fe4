package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsroom.search.support.MemoryStories;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileQueriesTest {
    private static final List<String> HOSTILE =
            List.of(
                    "\"unclosed phrase",
                    "(((",
                    "title:foo AND",
                    "*:*",
                    "foo~",
                    "a*",
                    "?",
                    "\\",
                    "\"\"",
                    "-",
                    "--",
                    "- -foo",
                    "OR",
                    "OR OR OR",
                    "AND NOT",
                    "[1 TO 5]",
                    "{}",
                    "/regex/",
                    "+-!&&||",
                    "<script>alert(1)</script>",
                    "' OR 1=1 --",
                    "\u0000\u0001",
                    "x".repeat(100_000),
                    "a ".repeat(5_000),
                    "\uD800",
                    "؟؛«»",
                    "🙂",
                    // one word to the parser, 240 tokens to the analyzer: once past Lucene's clause
                    // limit
                    partsJoined(",", 240),
                    partsJoined(".", 500),
                    partsJoined("-", 300) + " " + partsJoined(",", 300),
                    "\"" + partsJoined(" ", 400) + "\"",
                    ("-" + partsJoined(",", 100) + " ").repeat(20),
                    partsJoined(" OR ", 200),
                    ("کتاب‌ها" + "\u200C").repeat(200),
                    "می‌روم ".repeat(300));

    private static String partsJoined(String separator, int parts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            s.append(i == 0 ? "" : separator).append("w").append(i);
        }
        return s.toString();
    }

    @Test
    void anyQueryStringIsSearchedAsTextWithoutFailing() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add(
                "en", "world", "Regex and wildcards", "A story about title:foo and other syntax");
        for (String q : HOSTILE) {
            assertThatCode(() -> stories.search(q, ""))
                    .as(q.length() > 40 ? q.substring(0, 40) : q)
                    .doesNotThrowAnyException();
        }
        assertThat(stories.ids("title:foo")).hasSize(1);
    }

    @Test
    void wordsPhrasesExclusionsAndOr() throws Exception {
        MemoryStories stories = new MemoryStories();
        long oilPrices =
                stories.add("en", "economy", "Oil prices rise", "Crude oil prices rose in Asia");
        long gasPrices =
                stories.add("en", "economy", "Gas prices fall", "Prices of gas fell in Europe");
        long pricesOfOil = stories.add("en", "economy", "Markets", "Prices were up, oil was down");

        // stories with both words first, then the partial match
        List<Long> oilAndPrices = stories.ids("oil prices");
        assertThat(oilAndPrices.subList(0, 2)).containsExactlyInAnyOrder(oilPrices, pricesOfOil);
        assertThat(oilAndPrices).hasSize(3).endsWith(gasPrices);
        assertThat(stories.ids("\"oil prices\"")).containsExactly(oilPrices);
        assertThat(stories.ids("prices -oil")).containsExactly(gasPrices);
        assertThat(stories.ids("\"oil prices\" asia")).containsExactly(oilPrices);
        assertThat(stories.ids("asia OR europe")).containsExactlyInAnyOrder(oilPrices, gasPrices);
    }

    @Test
    void twoWordQueriesRankTheStoriesWithBothWordsFirst() throws Exception {
        MemoryStories stories = new MemoryStories();
        // one word, many times, in the headline: the best partial match BM25 alone would rank first
        long tehranOnly =
                stories.add(
                        "en",
                        "iran",
                        "Tehran, Tehran, Tehran",
                        "Tehran traffic in Tehran again, Tehran says");
        long both =
                stories.add(
                        "en",
                        "iran",
                        "City news",
                        "Schools in Tehran stay shut as air pollution rises");
        long pollutionOnly = stories.add("en", "world", "Pollution", "Air pollution in Delhi");
        long bothAgain = stories.add("en", "iran", "Pollution alert shuts Tehran schools", "");

        List<Long> ids = stories.ids("tehran pollution");
        assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder(both, bothAgain);
        assertThat(ids.subList(2, 4)).containsExactlyInAnyOrder(tehranOnly, pollutionOnly);
        assertThat(stories.search("tehran pollution", "").totalHits()).isEqualTo(4);
    }

    @Test
    void aHeadlineTypedAsItIsComesFirst() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add(
                "en",
                "economy",
                "Rates and the central bank",
                "The central bank keeps key rates unchanged, the bank said.");
        long exact =
                stories.add(
                        "en",
                        "economy",
                        "Central bank keeps key rates unchanged",
                        "It said so on Monday.");
        stories.add(
                "en",
                "economy",
                "Bank keeps rates",
                "The central bank keeps key rates unchanged. Central bank rates keep unchanged.");
        assertThat(stories.ids("central bank keeps key rates unchanged").get(0)).isEqualTo(exact);
    }

    @Test
    void parserReadsSyntaxLeniently() {
        QueryText q = QueryText.parse("a OR b -c \"d e", 100, 10);
        assertThat(q.required()).hasSize(2);
        assertThat(q.required().get(0).alternatives())
                .extracting(QueryText.Term::text)
                .containsExactly("a", "b");
        assertThat(q.excluded()).extracting(QueryText.Term::text).containsExactly("c");
        assertThat(q.required().get(1).alternatives().get(0))
                .isEqualTo(new QueryText.Term("d e", true));
        assertThat(QueryText.parse("w ".repeat(100), 1000, 32).required()).hasSize(32);
    }
}
