package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.analysis.Languages;
import dev.newsroom.search.index.StoryCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Type-ahead over the headlines of published stories: every typed word must start a word
 * of the headline, anywhere in it (prefix and infix); best match first, then newest.
 */
public final class Suggestions {
    private static final int MAX_WORDS = 10;
    private static final Sort ORDER =
            new Sort(
                    SortField.FIELD_SCORE,
                    new SortField(Fields.PUBLISH_TIME, SortField.Type.LONG, true));

    /** @param headline the headline as written (plain text, not HTML) */
    public record Suggestion(long id, String slug, String headline) {}

    private final Analyzers analyzers = Analyzers.forQuery();
    private final int max;

    public Suggestions(int max) {
        this.max = max;
    }

    public List<Suggestion> suggest(IndexSearcher searcher, String typed, String language)
            throws IOException {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        words.forEach(w -> query.add(new TermQuery(new Term(Fields.SUGGEST, w)), Occur.MUST));
        if (language != null && !language.isBlank()) {
            query.add(
                    new TermQuery(new Term(Fields.LANGUAGE, Languages.primary(language))),
                    Occur.FILTER);
        }
        ScoreDoc[] docs = searcher.search(query.build(), max * 2, ORDER, true).scoreDocs;
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> result = new ArrayList<>();
        StoryCard[] cards =
                StoryCard.shown(searcher, Arrays.stream(docs).mapToInt(d -> d.doc).toArray());
        for (StoryCard card : cards) {
            if (result.size() < max && seen.add(card.headline())) {
                result.add(new Suggestion(card.id(), card.slug(), card.headline()));
            }
        }
        return result;
    }

    private List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        if (typed == null) {
            return words;
        }
        try (TokenStream ts =
                analyzers.tokenStream(
                        Fields.SUGGEST, typed.length() > 200 ? typed.substring(0, 200) : typed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
