package dev.newsroom.article.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field rules for what editors write. Text is kept as written (a Persian story round-trips
 * byte for byte); only control characters other than tab and line breaks are removed, and
 * the body is sanitised HTML.
 */
public final class StoryRules {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
    private static final Pattern CONTROL =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final Limits limits;

    /** Upper bounds, in characters, configurable per deployment. */
    public record Limits(int headline, int lead, int body, int author, int tags, int tag) {}

    public StoryRules(Limits limits) {
        this.limits = limits;
    }

    /**
     * Cleans and checks a story's content.
     *
     * @param knownSections the section ids that exist
     * @throws StoryException.Invalid listing every broken rule
     */
    public StoryContent check(StoryContent in, Set<String> knownSections) {
        List<StoryException.Violation> violations = new ArrayList<>();
        String headline = plain(in.headline()).strip();
        String lead = plain(in.lead());
        String author = plain(in.author()).strip();
        String language = plain(in.language()).strip();
        String section = plain(in.section()).strip();
        String body = HtmlPolicy.sanitize(plain(in.body()));

        require(violations, "headline", headline, limits.headline());
        limit(violations, "lead", lead, limits.lead());
        limit(violations, "body", body, limits.body());
        limit(violations, "author", author, limits.author());
        if (language.isEmpty()) {
            violations.add(new StoryException.Violation("language", "must not be empty"));
        } else if (language.length() > 35 || !LANGUAGE.matcher(language).matches()) {
            violations.add(
                    new StoryException.Violation(
                            "language", "must be a BCP 47 language tag such as fa or en"));
        }
        if (section.isEmpty()) {
            violations.add(new StoryException.Violation("section", "must not be empty"));
        } else if (!knownSections.contains(section)) {
            violations.add(
                    new StoryException.Violation(
                            "section", "must be one of " + String.join(", ", knownSections)));
        }
        List<String> tags = tags(in.tags(), violations);
        if (!violations.isEmpty()) {
            throw new StoryException.Invalid(violations);
        }
        return new StoryContent(language, section, tags, headline, lead, body, author);
    }

    private List<String> tags(List<String> raw, List<StoryException.Violation> violations) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : raw) {
            String tag = plain(t).strip();
            if (tag.isEmpty()) {
                violations.add(new StoryException.Violation("tags", "must not contain empty tags"));
            } else if (tag.length() > limits.tag()) {
                violations.add(
                        new StoryException.Violation(
                                "tags",
                                "each tag must be at most " + limits.tag() + " characters"));
            } else {
                tags.add(tag);
            }
        }
        if (tags.size() > limits.tags()) {
            violations.add(
                    new StoryException.Violation(
                            "tags", "must be at most " + limits.tags() + " tags"));
        }
        return List.copyOf(tags);
    }

    private static void require(
            List<StoryException.Violation> v, String field, String value, int max) {
        if (value.isEmpty()) {
            v.add(new StoryException.Violation(field, "must not be empty"));
        }
        limit(v, field, value, max);
    }

    private static void limit(
            List<StoryException.Violation> v, String field, String value, int max) {
        if (value.length() > max) {
            v.add(new StoryException.Violation(field, "must be at most " + max + " characters"));
        }
    }

    /** Removes control characters a browser would never show (NUL among them). */
    static String plain(String s) {
        return s == null ? "" : CONTROL.matcher(s).replaceAll("");
    }
}
