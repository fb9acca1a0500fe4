package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns {@link QueryText} into a Lucene query over headline (boosted), lead and body of
 * each language to search, every term analysed by its field's analyzer. BM25 scores are
 * summed over the fields and languages a term matches in.
 */
public final class StoryQueries {
    private static final List<String> PARTS = List.of(Fields.HEADLINE, Fields.LEAD, Fields.BODY);

    private final QueryBuilder builder;
    private final float headlineBoost;
    private final float leadBoost;
    private final boolean requireAll;

    /**
     * @param requireAll every word (or OR group) must match ("and"), or any ("or": ranked
     *                   by how much matches, as for long natural-language queries)
     */
    public StoryQueries(Analyzers queryAnalyzers, float headlineBoost, float leadBoost, boolean requireAll) {
        this.builder = new QueryBuilder(queryAnalyzers);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.headlineBoost = headlineBoost;
        this.leadBoost = leadBoost;
        this.requireAll = requireAll;
    }

    /**
     * The text part of a search; every story when the text is empty or only stop words.
     * Each language gets a whole query of its own (a story is in one language, and a word
     * that is a stop word in one language is not in another); a story may match any of them.
     */
    public Query of(QueryText text, Collection<String> languages) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        for (String language : languages) {
            Query inLanguage = required(text, List.of(language));
            if (inLanguage != null) {
                query.add(inLanguage, Occur.SHOULD);
                positive = true;
            }
        }
        boolean negative = false;
        for (QueryText.Term term : text.excluded()) {
            Query q = term(term, languages);
            if (q != null) {
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

    /** The words, phrases and OR groups in the given languages; null when nothing is left after analysis. */
    private Query required(QueryText text, Collection<String> languages) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (QueryText.Group group : text.required()) {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            boolean alternative = false;
            for (QueryText.Term term : group.alternatives()) {
                Query q = term(term, languages);
                if (q != null) {
                    anyOf.add(q, Occur.SHOULD);
                    alternative = true;
                }
            }
            if (alternative) {
                query.add(anyOf.build(), requireAll ? Occur.MUST : Occur.SHOULD);
                any = true;
            }
        }
        return any ? query.build() : null;
    }

    /** One word or phrase in every field of every language; null when it analyses to nothing. */
    Query term(QueryText.Term term, Collection<String> languages) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (String language : languages) {
            for (String part : PARTS) {
                String field = Fields.text(part, language);
                Query q = term.phrase()
                        ? builder.createPhraseQuery(field, term.text())
                        : builder.createBooleanQuery(field, term.text(), Occur.MUST);
                if (q != null) {
                    float boost = part.equals(Fields.HEADLINE) ? headlineBoost : part.equals(Fields.LEAD) ? leadBoost : 1f;
                    fields.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
                    any = true;
                }
            }
        }
        return any ? fields.build() : null;
    }
}
