package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns {@link QueryText} into a Lucene query over headline, lead and body of each language
 * to search, every term analysed by its field's analyzer (docs/search.md, "Ranking").
 *
 * <p>Per language, a story's score is the sum of:
 * <ul>
 *   <li>each word's BM25 over headline (boosted), lead (boosted) and body: any word matches,
 *       so a story with part of the words is ranked, not dropped;</li>
 *   <li>a constant {@link Scoring#allWordsBoost()} when it has every word (or OR group): larger
 *       than the text scores, so those stories come first;</li>
 *   <li>proximity: each two neighbouring words as a sloppy phrase in each part;</li>
 *   <li>the whole query as a phrase in the headline.</li>
 * </ul>
 * The query is bounded before any search work: each word and phrase by
 * {@link QueryBounds#MAX_TOKENS_PER_TERM} tokens, the whole by {@link QueryBounds#MAX_LEAVES}
 * leaf clauses (Lucene refuses more than 1024); what does not fit is left out.
 */
public final class StoryQueries {
    private static final List<String> PARTS = List.of(Fields.HEADLINE, Fields.LEAD, Fields.BODY);

    /**
     * How the parts of a story's score are weighed; the values and how they were measured:
     * {@code newsroom.search.*} in application.yml.
     */
    public record Scoring(
            float headlineBoost,
            float leadBoost,
            float allWordsBoost,
            float proximityBoost,
            int proximitySlop,
            float headlinePhraseBoost) {}

    private final QueryBuilder builder;
    private final QueryBounds bounds;
    private final Scoring scoring;

    public StoryQueries(Analyzers queryAnalyzers, Scoring scoring) {
        this.builder = new QueryBuilder(queryAnalyzers);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.bounds = new QueryBounds(queryAnalyzers);
        this.scoring = scoring;
    }

    /**
     * The text part of a search; every story when the text is empty or only stop words.
     * Each language gets a whole query of its own (a story is in one language, and a word
     * that is a stop word in one language is not in another); a story may match any of them.
     */
    public Query of(QueryText text, Collection<String> languages) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        int perLanguage = QueryBounds.MAX_LEAVES / Math.max(1, languages.size());
        for (String language : languages) {
            Query inLanguage = ranked(text, language, perLanguage);
            if (inLanguage != null) {
                query.add(inLanguage, Occur.SHOULD);
                positive = true;
            }
        }
        boolean negative = false;
        int excludedLeaves = 0;
        for (QueryText.Term term : text.excluded()) {
            Query q = null;
            for (String language : languages) {
                Query inLanguage = term(term, language);
                if (inLanguage != null) {
                    q =
                            q == null
                                    ? inLanguage
                                    : new BooleanQuery.Builder()
                                            .add(q, Occur.SHOULD)
                                            .add(inLanguage, Occur.SHOULD)
                                            .build();
                }
            }
            if (q != null
                    && (excludedLeaves += QueryBounds.leaves(q))
                            <= QueryBounds.MAX_EXCLUDED_LEAVES) {
                query.add(q, Occur.MUST_NOT);
                negative = true;
            }
        }
        if (!positive) {
            if (!negative) {
                return new MatchAllDocsQuery();
            }
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query.build();
    }

    /** The words, phrases and OR groups in one language, ranked as the class says; null when nothing is left. */
    private Query ranked(QueryText text, String language, int budget) {
        List<Query> words = new ArrayList<>();
        List<String> neighbours = new ArrayList<>();
        int leaves = 0;
        for (QueryText.Group group : QueryStopWords.content(text.required(), language)) {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            boolean alternative = false;
            for (QueryText.Term term : group.alternatives()) {
                Query q = term(term, language);
                if (q != null && leaves + QueryBounds.leaves(q) <= budget) {
                    anyOf.add(q, Occur.SHOULD);
                    leaves += QueryBounds.leaves(q);
                    alternative = true;
                }
            }
            if (alternative) {
                words.add(anyOf.build());
                QueryText.Term only = group.alternatives().get(0);
                // proximity pairs only between plain single words (an OR group or a phrase ends the
                // run)
                neighbours.add(
                        group.alternatives().size() == 1 && !only.phrase()
                                ? bounds.cut(only.text(), language)
                                : null);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        words.forEach(w -> query.add(w, Occur.SHOULD));
        if (words.size() < 2) {
            return query.build();
        }
        // every word: a constant above what the words score, so these stories come first
        if (scoring.allWordsBoost() > 0 && leaves * 2 <= budget) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            words.forEach(w -> all.add(w, Occur.FILTER));
            query.add(
                    new BoostQuery(new ConstantScoreQuery(all.build()), scoring.allWordsBoost()),
                    Occur.SHOULD);
            leaves *= 2;
        }
        if (scoring.proximityBoost() > 0) {
            for (int i = 0; i + 1 < neighbours.size(); i++) {
                if (neighbours.get(i) != null && neighbours.get(i + 1) != null) {
                    String pair = neighbours.get(i) + " " + neighbours.get(i + 1);
                    for (String part : PARTS) {
                        Query near =
                                phrase(
                                        Fields.text(part, language),
                                        pair,
                                        scoring.proximitySlop(),
                                        scoring.proximityBoost() * weight(part));
                        if (near != null && (leaves += QueryBounds.leaves(near)) <= budget) {
                            query.add(near, Occur.SHOULD);
                        }
                    }
                }
            }
        }
        if (scoring.headlinePhraseBoost() > 0 && !neighbours.contains(null)) {
            Query exact =
                    phrase(
                            Fields.text(Fields.HEADLINE, language),
                            String.join(" ", neighbours),
                            0,
                            scoring.headlinePhraseBoost());
            if (exact != null && leaves + QueryBounds.leaves(exact) <= budget) {
                query.add(exact, Occur.SHOULD);
            }
        }
        return query.build();
    }

    private Query phrase(String field, String text, int slop, float boost) {
        Query q = builder.createPhraseQuery(field, text, slop);
        return q == null ? null : new BoostQuery(q, boost);
    }

    /** One word or phrase in every part of one language; null when it analyses to nothing. */
    Query term(QueryText.Term term, String language) {
        String text = bounds.cut(term.text(), language);
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (String part : PARTS) {
            String field = Fields.text(part, language);
            Query q =
                    term.phrase()
                            ? builder.createPhraseQuery(field, text)
                            : builder.createBooleanQuery(field, text, Occur.MUST);
            if (q != null) {
                float boost = weight(part);
                fields.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
                any = true;
            }
        }
        return any ? fields.build() : null;
    }

    private float weight(String part) {
        return part.equals(Fields.HEADLINE)
                ? scoring.headlineBoost()
                : part.equals(Fields.LEAD) ? scoring.leadBoost() : 1f;
    }
}
