package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.index.StoryCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback for questions and descriptions (queries of
 * {@link Settings#minWords()} words or more): the words the best few stories share, weighed by
 * how much of each story they make up (a relevance model), are added to the query's scoring.
 * They only re-rank: the stories that match stay those that match the reader's own words, and
 * the highlights mark only those words. Words in more than {@link Settings#maxDocShare()} of the
 * stories say nothing and are left out. (docs/search.md, "Ranking")
 */
final class Feedback {
    /** @param weight the boost of the heaviest added word; the others in proportion */
    record Settings(int minWords, int docs, int terms, float weight, double maxDocShare) {}

    private final Settings settings;
    private final Analyzers indexAnalyzers;

    Feedback(Settings settings, Analyzers indexAnalyzers) {
        this.settings = settings;
        this.indexAnalyzers = indexAnalyzers;
    }

    boolean appliesTo(QueryText text) {
        return settings.docs() > 0
                && settings.terms() > 0
                && settings.weight() > 0
                && text.required().size() >= settings.minWords();
    }

    /** {@code text} re-scored with the words of its best {@link Settings#docs()} stories; {@code text} itself when none. */
    Query expand(IndexSearcher searcher, Query text) throws IOException {
        ScoreDoc[] top = searcher.search(text, settings.docs()).scoreDocs;
        if (top.length == 0) {
            return text;
        }
        StoryCard[] cards =
                StoryCard.read(searcher, Arrays.stream(top).mapToInt(d -> d.doc).toArray());
        // term of a body field → summed share of each story's words
        Map<Term, Double> weights = new HashMap<>();
        for (StoryCard card : cards) {
            String field = Fields.text(Fields.BODY, card.analysis());
            Map<String, Integer> counts = new HashMap<>();
            int length = 0;
            try (TokenStream ts =
                    indexAnalyzers.tokenStream(
                            field, card.headline() + "\n" + card.lead() + "\n" + card.body())) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    counts.merge(term.toString(), 1, Integer::sum);
                    length++;
                }
                ts.end();
            }
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                weights.merge(
                        new Term(field, c.getKey()), c.getValue() / (double) length, Double::sum);
            }
        }
        long maxDocs = (long) (searcher.getIndexReader().numDocs() * settings.maxDocShare());
        List<Map.Entry<Term, Double>> ranked = new ArrayList<>(weights.entrySet());
        ranked.sort(Map.Entry.<Term, Double>comparingByValue().reversed());
        BooleanQuery.Builder added = new BooleanQuery.Builder();
        int n = 0;
        double heaviest = 0;
        for (Map.Entry<Term, Double> e : ranked) {
            if (n == settings.terms()) {
                break;
            }
            int df = searcher.getIndexReader().docFreq(e.getKey());
            if (df > 1 && df <= maxDocs) {
                heaviest = n == 0 ? e.getValue() : heaviest;
                added.add(
                        new BoostQuery(
                                new TermQuery(e.getKey()),
                                (float) (settings.weight() * e.getValue() / heaviest)),
                        Occur.SHOULD);
                n++;
            }
        }
        return n == 0
                ? text
                : new BooleanQuery.Builder()
                        .add(text, Occur.MUST)
                        .add(added.build(), Occur.SHOULD)
                        .build();
    }
}
