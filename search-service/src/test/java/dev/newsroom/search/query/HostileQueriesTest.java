package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsroom.search.support.MemoryStories;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileQueriesTest {
    private static final List<String> HOSTILE = List.of(
            "\"unclosed phrase", "(((", "title:foo AND", "*:*", "foo~", "a*", "?", "\\", "\"\"", "-", "--", "- -foo",
            "OR", "OR OR OR", "AND NOT", "[1 TO 5]", "{}", "/regex/", "+-!&&||", "<script>alert(1)</script>",
            "' OR 1=1 --", "\u0000\u0001", "x".repeat(100_000), "a ".repeat(5_000), "\uD800", "؟؛«»", "🙂");

    @Test
    void anyQueryStringIsSearchedAsTextWithoutFailing() throws Exception {
        MemoryStories stories = new MemoryStories();
        stories.add("en", "world", "Regex and wildcards", "A story about title:foo and other syntax");
        for (String q : HOSTILE) {
            assertThatCode(() -> stories.search(q, "")).as(q.length() > 40 ? q.substring(0, 40) : q).doesNotThrowAnyException();
        }
        assertThat(stories.ids("title:foo")).hasSize(1);
    }

    @Test
    void wordsPhrasesExclusionsAndOr() throws Exception {
        MemoryStories stories = new MemoryStories();
        long oilPrices = stories.add("en", "economy", "Oil prices rise", "Crude oil prices rose in Asia");
        long gasPrices = stories.add("en", "economy", "Gas prices fall", "Prices of gas fell in Europe");
        long pricesOfOil = stories.add("en", "economy", "Markets", "Prices were up, oil was down");

        assertThat(stories.ids("oil prices")).containsExactlyInAnyOrder(oilPrices, pricesOfOil);
        assertThat(stories.ids("\"oil prices\"")).containsExactly(oilPrices);
        assertThat(stories.ids("prices -oil")).containsExactly(gasPrices);
        assertThat(stories.ids("asia OR europe")).containsExactlyInAnyOrder(oilPrices, gasPrices);
    }

    @Test
    void parserReadsSyntaxLeniently() {
        QueryText q = QueryText.parse("a OR b -c \"d e", 100, 10);
        assertThat(q.required()).hasSize(2);
        assertThat(q.required().get(0).alternatives()).extracting(QueryText.Term::text).containsExactly("a", "b");
        assertThat(q.excluded()).extracting(QueryText.Term::text).containsExactly("c");
        assertThat(q.required().get(1).alternatives().get(0)).isEqualTo(new QueryText.Term("d e", true));
        assertThat(QueryText.parse("w ".repeat(100), 1000, 32).required()).hasSize(32);
    }
}
