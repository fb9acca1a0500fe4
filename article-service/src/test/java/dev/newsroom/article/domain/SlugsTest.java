package dev.newsroom.article.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishHeadlineBecomesLowercaseWordsJoinedByHyphens() {
        assertThat(Slugs.fromHeadline("  Oil prices rise 3% after OPEC+ meeting!  "))
                .isEqualTo("oil-prices-rise-3-after-opec-meeting");
    }

    @Test
    void persianLettersAreKeptNotTransliterated() {
        String slug = Slugs.fromHeadline("افزایش بارش‌ها در شمال کشور");
        assertThat(slug).isEqualTo("افزایش-بارش-ها-در-شمال-کشور");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void persianDigitsAreKept() {
        assertThat(Slugs.fromHeadline("۱۲ کشته در حادثه")).isEqualTo("۱۲-کشته-در-حادثه");
    }

    @Test
    void headlineWithoutLettersGivesEmptySlug() {
        assertThat(Slugs.fromHeadline("!!! ??? ...")).isEmpty();
    }

    @Test
    void longHeadlinesAreCut() {
        String slug = Slugs.fromHeadline("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_GENERATED);
        assertThat(slug).doesNotEndWith("-");
    }

    @Test
    void invalidSlugsAreRecognised() {
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("a b")).isFalse();
        assertThat(Slugs.isValid("<script>")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("x".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
        assertThat(Slugs.isValid("ok-slug-2")).isTrue();
    }
}
