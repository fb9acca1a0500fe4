package dev.newsroom.comment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.testing.FuzzInput;
import java.util.List;

/**
 * Word folding on any text (what the word lists and the repeat check call:
 * {@link WordNormalizer#tokens}, which folds). It documents no failure: any exception, an
 * empty token or one with a non-letter/digit, or more than {@link FuzzInput#BUDGET_MILLIS}
 * for one input is a finding (docs/fuzzing.md).
 */
class WordNormalizerFuzzTest {
    static {
        FuzzInput.warmUp(
                300,
                () ->
                        WordNormalizer.tokens(
                                "كتاب يك ة أإآٱ ؤ ئ ۱۲۳ ١٢٣ نفرت\u200cانگیز Crème Brûlée"));
    }

    @FuzzTest(maxDuration = "15s")
    void foldsAnyText(byte[] data) {
        String text = FuzzInput.text(data);
        List<String> tokens =
                FuzzInput.resultWithinBudget(
                        "tokens of " + text.length() + " chars", () -> WordNormalizer.tokens(text));
        for (String token : tokens) {
            assertThat(token).isNotEmpty();
            assertThat(token.codePoints().allMatch(Character::isLetterOrDigit)).as(token).isTrue();
        }
    }
}
