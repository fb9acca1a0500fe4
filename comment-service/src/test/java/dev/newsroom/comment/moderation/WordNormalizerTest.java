package dev.newsroom.comment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordNormalizerTest {

    @Test
    void arabicLetterFormsBecomePersian() {
        assertThat(WordNormalizer.fold("علي كتاب")).isEqualTo(WordNormalizer.fold("علی کتاب"));
    }

    @Test
    void diacriticsAndTatweelAreIgnored() {
        assertThat(WordNormalizer.fold("كِتَابٌ")).isEqualTo("کتاب");
        assertThat(WordNormalizer.fold("کـــتاب")).isEqualTo("کتاب");
        assertThat(WordNormalizer.fold("Café")).isEqualTo("cafe");
    }

    @Test
    void zwnjIsAWordBreak() {
        assertThat(WordNormalizer.tokens("می\u200Cخواهم")).containsExactly("می", "خواهم");
    }

    @Test
    void caseIsFoldedAndDigitsAreAscii() {
        assertThat(WordNormalizer.fold("SPAM ۱۲۳ ١٢٣")).isEqualTo("spam 123 123");
    }

    @Test
    void tokensSplitOnPunctuation() {
        assertThat(WordNormalizer.tokens("Buy-now!!! (cheap), «ارزان»"))
                .containsExactly("buy", "now", "cheap", "ارزان");
    }
}
