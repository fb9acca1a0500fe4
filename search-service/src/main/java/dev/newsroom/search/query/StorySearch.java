package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.analysis.Languages;
import dev.newsroom.search.analysis.Synonyms;
import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.search.index.StoryCard;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/** Search as readers use it: text, filters, sort, highlights, section counts and cursor paging. */
public final class StorySearch {
    private static final SortField NEWEST_ID =
            new SortField(Fields.ID_SORT, SortField.Type.LONG, true);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST_ID);
    private static final Sort BY_DATE =
            new Sort(new SortField(Fields.PUBLISH_TIME, SortField.Type.LONG, true), NEWEST_ID);

    /**
     * @param language   BCP 47 filter, also the analysis of {@code q}; empty: by the script of {@code q}
     * @param fromMillis published at or after (null: no bound)
     * @param toMillis   published before (null: no bound)
     */
    public record Request(
            String q,
            String section,
            String language,
            Long fromMillis,
            Long toMillis,
            boolean byDate,
            boolean recencyBoost,
            int pageSize,
            String pageToken) {}

    /**
     * @param facets     matching stories per section, ignoring the section filter, most first
     * @param suggestion "did you mean": {@code q} with its unknown words corrected to words stories have; empty if none
     */
    public record Result(
            List<StoryHit> hits,
            long totalHits,
            Map<String, Long> facets,
            String nextPageToken,
            String suggestion) {}

    private final SearchConfig config;
    private final StoryQueries queries;
    private final Feedback feedback;
    private final DidYouMean didYouMean = new DidYouMean();
    private final Highlighter highlighter;
    private final Clock clock;

    public StorySearch(SearchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.queries =
                new StoryQueries(
                        Analyzers.forQuery(Synonyms.load(config.synonyms())),
                        new StoryQueries.Scoring(
                                config.headlineBoost(),
                                config.leadBoost(),
                                config.allWordsBoost(),
                                config.proximityBoost(),
                                config.proximitySlop(),
                                config.headlinePhraseBoost()));
        Analyzers indexAnalyzers = Analyzers.forIndex();
        this.feedback =
                new Feedback(
                        new Feedback.Settings(
                                config.feedbackMinWords(),
                                config.feedbackDocs(),
                                config.feedbackTerms(),
                                config.feedbackWeight(),
                                config.feedbackMaxDocShare()),
                        indexAnalyzers);
        this.highlighter =
                new Highlighter(indexAnalyzers, config.snippets(), config.snippetLength());
    }

    /**
     * The languages {@code q} is searched in: the language filter's; without one, every language
     * some story in the index is written in, whatever the script of {@code q} (a Latin name in
     * a Persian story is found by the Latin query, each language's fields with their own analysis).
     */
    public static Collection<String> languages(IndexSearcher searcher, Request r) {
        if (!r.language().isBlank()) {
            return Set.of(Languages.of(r.language()));
        }
        // each segment's own field infos: a lookup per language, no merged copy per search
        List<String> present =
                Languages.ALL.stream()
                        .filter(
                                l ->
                                        searcher.getIndexReader().leaves().stream()
                                                .anyMatch(
                                                        leaf ->
                                                                leaf.reader()
                                                                                .getFieldInfos()
                                                                                .fieldInfo(
                                                                                        Fields.text(
                                                                                                Fields
                                                                                                        .BODY,
                                                                                                l))
                                                                        != null))
                        .toList();
        return present.isEmpty() ? Languages.forScriptOf(r.q()) : present;
    }

    /** The scored text query alone (what the highlighter marks); the bench runs this one in-process. */
    public Query textQuery(IndexSearcher searcher, Request r) {
        QueryText text = QueryText.parse(r.q(), config.maxQueryLength(), config.maxQueryClauses());
        return queries.of(text, languages(searcher, r));
    }

    /** What ranks the stories that {@link #textQuery} matches: with feedback for a long query (docs/search.md, "Ranking"). */
    public Query rankingQuery(IndexSearcher searcher, Request r) throws IOException {
        QueryText parsed =
                QueryText.parse(r.q(), config.maxQueryLength(), config.maxQueryClauses());
        Query text = queries.of(parsed, languages(searcher, r));
        return feedback.appliesTo(parsed) ? feedback.expand(searcher, text) : text;
    }

    /** @throws IllegalArgumentException for a page token that is not from this kind of search */
    public Result search(IndexSearcher searcher, Request r) throws IOException {
        Collection<String> languages = languages(searcher, r);
        QueryText parsed =
                QueryText.parse(r.q(), config.maxQueryLength(), config.maxQueryClauses());
        Query text = queries.of(parsed, languages);
        Query ranked =
                !r.byDate() && feedback.appliesTo(parsed) ? feedback.expand(searcher, text) : text;
        Query scored =
                r.recencyBoost() && !r.byDate()
                        ? FunctionScoreQuery.boostByValue(
                                ranked,
                                new RecencyBoost(
                                        clock.millis(),
                                        config.recencyHalfLife(),
                                        config.recencyWeight()))
                        : ranked;
        Query facetQuery = filtered(scored, r, false);
        Query query = filtered(scored, r, true);

        int size = pageSize(r.pageSize());
        FieldDoc after =
                r.pageToken().isBlank()
                        ? null
                        : PageToken.decode(r.pageToken(), r.byDate()).fieldDoc();
        Sort sort = r.byDate() ? BY_DATE : BY_RELEVANCE;
        // one extra hit tells whether there is a next page
        TopFieldCollectorManager topManager =
                new TopFieldCollectorManager(sort, size + 1, after, Integer.MAX_VALUE);
        TopFieldDocs top;
        Map<String, Long> facets;
        if (r.section().isBlank()) {
            // no section filter: the page and the section counts in one pass over the matches
            Object[] both =
                    searcher.search(
                            query, new MultiCollectorManager(topManager, new SectionCounts()));
            top = (TopFieldDocs) both[0];
            @SuppressWarnings("unchecked")
            Map<String, Long> counts = (Map<String, Long>) both[1];
            facets = counts;
        } else {
            top = searcher.search(query, topManager);
            facets = searcher.search(facetQuery, new SectionCounts());
        }

        ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(size, top.scoreDocs.length));
        String next =
                top.scoreDocs.length > size
                        ? PageToken.after(r.byDate(), (FieldDoc) page[page.length - 1]).encode()
                        : "";
        String suggestion =
                r.pageToken().isBlank()
                        ? didYouMean.suggest(
                                searcher,
                                parsed,
                                top.totalHits.value,
                                corrected -> filtered(queries.of(corrected, languages), r, true))
                        : "";
        return new Result(
                hits(searcher, text, page, languages),
                top.totalHits.value,
                facets,
                next,
                suggestion);
    }

    /** {@code scored} with the request's language and time filters, and its section filter if asked. */
    private static Query filtered(Query scored, Request r, boolean withSection) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(scored, Occur.MUST);
        if (!r.language().isBlank()) {
            query.add(
                    new TermQuery(new Term(Fields.LANGUAGE, Languages.primary(r.language()))),
                    Occur.FILTER);
        }
        if (r.fromMillis() != null || r.toMillis() != null) {
            long from = r.fromMillis() == null ? Long.MIN_VALUE : r.fromMillis();
            long to = r.toMillis() == null ? Long.MAX_VALUE : r.toMillis() - 1;
            query.add(LongPoint.newRangeQuery(Fields.PUBLISH_TIME, from, to), Occur.FILTER);
        }
        if (withSection && !r.section().isBlank()) {
            query.add(new TermQuery(new Term(Fields.SECTION, r.section())), Occur.FILTER);
        }
        return query.build();
    }

    private List<StoryHit> hits(
            IndexSearcher searcher, Query text, ScoreDoc[] page, Collection<String> languages)
            throws IOException {
        int[] docs = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        StoryCard[] cards = StoryCard.read(searcher, docs);
        Highlighter.Marked[] marks = highlighter.mark(searcher, text, docs, cards, languages);
        List<StoryHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            FieldDoc fd = (FieldDoc) page[i];
            float score = fd.fields[0] instanceof Float f ? f : 0f;
            hits.add(StoryHit.of(cards[i], score, marks[i].headline(), marks[i].snippets()));
        }
        return hits;
    }

    private int pageSize(int requested) {
        if (requested <= 0) {
            return config.defaultPageSize();
        }
        return Math.min(requested, config.maxPageSize());
    }
}
