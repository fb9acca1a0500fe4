package dev.newsroom.search.query;

import dev.newsroom.search.index.StoryCard;
import java.util.List;

/**
 * One story in a result list, from its {@link StoryCard}.
 *
 * @param headlineMarked the headline HTML-escaped with its matches in {@code <mark>}, or empty
 * @param snippets       best passages of lead and body, HTML-escaped and marked
 */
public record StoryHit(
        long id,
        String slug,
        String language,
        String section,
        String headline,
        String lead,
        String author,
        long publishMillis,
        float score,
        String headlineMarked,
        List<String> snippets) {

    static StoryHit of(StoryCard card, float score, String headlineMarked, List<String> snippets) {
        return new StoryHit(
                card.id(),
                card.slug(),
                card.language(),
                card.section(),
                card.headline(),
                card.lead(),
                card.author(),
                card.publishMillis(),
                Float.isNaN(score) ? 0f : score,
                headlineMarked,
                snippets);
    }
}
