package dev.newsroom.comment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersAndNullBytesAreRemoved() {
        assertThat(PlainText.body("a\u0000b\u0007c\u001Bd\u007Fe\u0085f")).isEqualTo("abcde\nf");
    }

    @Test
    void bidiOverridesAndIsolatesAreRemovedButZwnjIsKept() {
        assertThat(PlainText.body("x\u202Ay\u202Bz\u202C\u202D\u202E\u2066\u2067\u2068\u2069!"))
                .isEqualTo("xyz!");
        assertThat(PlainText.body("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
    }

    @Test
    void textIsNfcAndHtmlStaysLiteralText() {
        assertThat(PlainText.body("e\u0301")).isEqualTo("\u00e9");
        assertThat(PlainText.body("<b>hi</b> &amp;")).isEqualTo("<b>hi</b> &amp;");
    }

    @Test
    void lineBreaksAreUnifiedAndBlankLinesCollapsed() {
        assertThat(PlainText.body("  one\r\ntwo\r\rthree\n\n\n\n\nfour  \n  "))
                .isEqualTo("one\ntwo\n\nthree\n\nfour");
    }

    @Test
    void aSingleLineCollapsesWhiteSpace() {
        assertThat(PlainText.line(" Sara \n\t Ahmadi\u0000 ")).isEqualTo("Sara Ahmadi");
    }

    @Test
    void invisibleTagCharactersAndByteOrderMarksAreRemoved() {
        assertThat(PlainText.body("\uFEFFok" + new String(Character.toChars(0xE0041))))
                .isEqualTo("ok");
    }

    @Test
    void spacesBeforeLineBreaksGoAndOtherSpacesStay() {
        assertThat(PlainText.body("a \t \n \n \n b\u3000 \nc")).isEqualTo("a\n\n b\u3000\nc");
    }

    @Test
    void cleaningIsLinearInTheInput() {
        // a backtracking "[ \t]+\n" over this took minutes; one pass takes milliseconds
        String raw = "a" + " ".repeat(900_000) + "a";
        String tabs = "a" + "\t ".repeat(450_000) + "\n" + "a";
        long start = System.nanoTime();
        assertThat(PlainText.body(raw)).hasSize(900_002);
        assertThat(PlainText.body(tabs)).isEqualTo("a\na");
        assertThat(PlainText.line(raw)).isEqualTo("a a");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(PlainText.length("😀😀")).isEqualTo(2);
    }
}
