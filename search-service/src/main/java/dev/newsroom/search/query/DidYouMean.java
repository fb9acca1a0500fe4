package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": for a query with a word no story has, the same query with that word replaced
 * by the closest word that stories do have (Lucene's {@link DirectSpellChecker} over
 * {@link Fields#SPELL}, every word of every story as written, normalised but not stemmed).
 * So a suggestion is made only of words the index holds, and only offered when it finds
 * stories (with the request's filters). Phrases, exclusions and OR are kept as typed.
 */
final class DidYouMean {
    private static final int MAX_WORDS = 8;
    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final Analyzers analyzers = Analyzers.forQuery();

    DidYouMean() {
        checker.setMinQueryLength(3);
        checker.setMaxQueryLength(40);
        checker.setMinPrefix(1);
    }

    /**
     * @param totalHits how many stories {@code text} matches
     * @param search    the query of a query text
     * @return the corrected query text; empty when every word is known or nothing better is found
     */
    String suggest(
            IndexSearcher searcher,
            QueryText text,
            long totalHits,
            Function<QueryText, Query> search)
            throws IOException {
        List<QueryText.Group> groups = new ArrayList<>();
        boolean changed = false;
        int looked = 0;
        for (QueryText.Group group : text.required()) {
            List<QueryText.Term> alternatives = new ArrayList<>();
            for (QueryText.Term term : group.alternatives()) {
                // a few unknown words at most: each is a walk of the index's words
                String better =
                        term.phrase() || looked++ >= MAX_WORDS
                                ? null
                                : correction(searcher, term.text());
                alternatives.add(better == null ? term : new QueryText.Term(better, false));
                changed |= better != null;
            }
            groups.add(new QueryText.Group(alternatives));
        }
        if (!changed) {
            return "";
        }
        QueryText corrected = new QueryText(groups, text.excluded());
        return searcher.count(search.apply(corrected)) >= Math.max(1, totalHits)
                ? corrected.toString()
                : "";
    }

    /** The index's closest word to a typed word that is a single word no story has; null otherwise. */
    private String correction(IndexSearcher searcher, String typed) throws IOException {
        List<String> words = words(typed);
        if (words.size() != 1) {
            return null;
        }
        Term term = new Term(Fields.SPELL, words.get(0));
        if (searcher.getIndexReader().docFreq(term) > 0) {
            return null;
        }
        SuggestWord[] best =
                checker.suggestSimilar(
                        term, 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return best.length == 0 ? null : best[0].string;
    }

    private List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzers.tokenStream(Fields.SPELL, typed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < 2) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
