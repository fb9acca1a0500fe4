package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Fields;
import java.util.List;
import org.apache.lucene.document.Document;

/**
 * One story in a result list, read from its stored fields.
 *
 * @param headlineMarked the headline HTML-escaped with its matches in {@code <mark>}, or empty
 * @param snippets       best passages of lead and body, HTML-escaped and marked
 */
public record StoryHit(long id, String slug, String language, String section, String headline, String lead,
                       String author, long publishMillis, float score, String headlineMarked, List<String> snippets) {

    static StoryHit of(Document doc, float score, String headlineMarked, List<String> snippets) {
        String analysis = doc.get(Fields.ANALYSIS);
        return new StoryHit(Long.parseLong(doc.get(Fields.ID)), doc.get(Fields.SLUG), doc.get(Fields.LANGUAGE),
                doc.get(Fields.SECTION), doc.get(Fields.text(Fields.HEADLINE, analysis)),
                doc.get(Fields.text(Fields.LEAD, analysis)), doc.get(Fields.AUTHOR),
                doc.getField(Fields.PUBLISH_TIME).numericValue().longValue(), Float.isNaN(score) ? 0f : score,
                headlineMarked, snippets);
    }
}
