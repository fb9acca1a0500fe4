package dev.newsroom.article.desk;

import dev.newsroom.article.domain.StoryContent;
import java.util.Set;

/**
 * An editor's change: which fields ({@link #FIELDS}) to take from {@code values} and
 * {@code slug}, and the version the editor started from.
 */
public record StoryUpdate(
        long id, long expectedVersion, Set<String> fields, StoryContent values, String slug) {
    public static final Set<String> FIELDS =
            Set.of("slug", "language", "section", "tags", "headline", "lead", "body", "author");
}
