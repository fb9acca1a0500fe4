package dev.newsroom.comment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsroom.testing.FuzzInput;

/**
 * Comment cleaning on any text (what {@code CommentBoard} and {@code ModeratorDesk} call:
 * {@link PlainText#body} for a body, {@link PlainText#line} for a name or a reason). It
 * documents no failure: any exception, a control or bidi character left in the result, or
 * more than {@link FuzzInput#BUDGET_MILLIS} for one input is a finding (docs/fuzzing.md).
 */
class PlainTextFuzzTest {
    static {
        FuzzInput.warmUp(
                300,
                () ->
                        PlainText.line(
                                PlainText.body(
                                        "First line \t\r\nsecond\u2028\n\n\n\nthird \u202Eevil\u202C end")));
    }

    @FuzzTest(maxDuration = "15s")
    void cleansAnyText(byte[] data) {
        String raw = FuzzInput.text(data);
        String body =
                FuzzInput.resultWithinBudget(
                        "body of " + raw.length() + " chars", () -> PlainText.body(raw));
        String line =
                FuzzInput.resultWithinBudget(
                        "line of " + raw.length() + " chars", () -> PlainText.line(raw));
        assertThat(body).doesNotContain("\r").isEqualTo(body.strip());
        assertThat(line).doesNotContain("\n", "\r", "\t").isEqualTo(line.strip());
        for (String cleaned : new String[] {body, line}) {
            cleaned.codePoints()
                    .forEach(
                            cp ->
                                    assertThat(cp == '\n' || !PlainText.isUnsafe(cp))
                                            .as("U+%04X left in %s", cp, cleaned)
                                            .isTrue());
        }
    }
}
