package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    private static List<Integer> forwards(String text) {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        List<Integer> at = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            at.add(b);
        }
        return at;
    }

    @Test
    void breaksAfterSentenceEndsAndTheirSpaces() {
        String text = "Prices rose. Did wheat fall? Yes!  Then\nnothing";
        assertThat(forwards(text)).containsExactly(0, 13, 29, 35, 40, text.length());
    }

    @Test
    void aPeriodBeforeLowerCaseOrInsideANumberIsNoEnd() {
        assertThat(forwards("Grain, e.g. wheat, rose 3.5 pct. Oil fell."))
                .containsExactly(0, 33, 42);
    }

    @Test
    void persianSentencesEndWithTheArabicQuestionMarkToo() {
        String text = "قیمت گندم بالا رفت. آیا نفت ارزان شد؟ نه";
        assertThat(forwards(text))
                .containsExactly(0, text.indexOf("آیا"), text.indexOf("نه"), text.length());
    }

    @Test
    void precedingAndFollowingAgreeWithTheForwardWalk() {
        String text = "One. Two words here. Three!\nFour";
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        List<Integer> all = forwards(text);
        for (int i = 1; i < text.length(); i++) {
            int offset = i;
            int after = breaks.following(offset);
            int before = breaks.preceding(offset);
            assertThat(all).contains(after, before);
            assertThat(after).isGreaterThan(offset);
            assertThat(before).isLessThan(offset);
            assertThat(all.stream().filter(b -> b > before && b < offset).count()).isZero();
            assertThat(breaks.isBoundary(offset)).isEqualTo(all.contains(offset));
        }
    }
}
