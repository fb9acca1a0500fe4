package dev.newsroom.article.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryRulesTest {
    private final StoryRules rules =
            new StoryRules(new StoryRules.Limits(300, 2000, 10_000, 200, 3, 20));
    private final Set<String> sections = Set.of("iran", "world");

    private static StoryContent content(
            String language, String section, List<String> tags, String headline) {
        return new StoryContent(language, section, tags, headline, "lead", "<p>body</p>", "author");
    }

    @Test
    void everyBrokenRuleIsReportedWithItsField() {
        assertThatThrownBy(
                        () ->
                                rules.check(
                                        content("", "sport", List.of("a", "b", "c", "d"), "  "),
                                        sections))
                .isInstanceOfSatisfying(
                        StoryException.Invalid.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(StoryException.Violation::field)
                                        .containsExactlyInAnyOrder(
                                                "headline", "language", "section", "tags"));
    }

    @Test
    void controlCharactersAndNulBytesAreRemoved() {
        StoryContent clean =
                rules.check(
                        content("en", "world", List.of(" economy "), "Head\u0000line\u0007"),
                        sections);
        assertThat(clean.headline()).isEqualTo("Headline");
        assertThat(clean.tags()).containsExactly("economy");
    }

    @Test
    void languageMustBeABcp47Tag() {
        assertThatThrownBy(
                        () -> rules.check(content("english!", "world", List.of(), "h"), sections))
                .isInstanceOf(StoryException.Invalid.class);
        assertThat(rules.check(content("fa-IR", "iran", List.of(), "h"), sections).language())
                .isEqualTo("fa-IR");
    }
}
