package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.analysis.Languages;
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
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TermQuery;

/** Search as readers use it: text, filters, sort, highlights, section counts and cursor paging. */
public final class StorySearch {
    private static final SortField NEWEST_ID = new SortField(Fields.ID_SORT, SortField.Type.LONG, true);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST_ID);
    private static final Sort BY_DATE = new Sort(new SortField(Fields.PUBLISH_TIME, SortField.Type.LONG, true), NEWEST_ID);

    /**
     * @param language   BCP 47 filter, also the analysis of {@code q}; empty: by the script of {@code q}
     * @param fromMillis published at or after (null: no bound)
     * @param toMillis   published before (null: no bound)
     */
    public record Request(String q, String section, String language, Long fromMillis, Long toMillis,
                          boolean byDate, boolean recencyBoost, int pageSize, String pageToken) {
    }

    /** @param facets matching stories per section, ignoring the section filter, most first */
    public record Result(List<StoryHit> hits, long totalHits, Map<String, Long> facets, String nextPageToken) {
    }

    private final SearchConfig config;
    private final StoryQueries queries;
    private final Highlighter highlighter;
    private final Clock clock;

    public StorySearch(SearchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.queries = new StoryQueries(Analyzers.forQuery(), config.headlineBoost(), config.leadBoost(),
                !"or".equalsIgnoreCase(config.defaultOperator()));
        this.highlighter = new Highlighter(Analyzers.forIndex(), config.snippets(), config.snippetLength());
    }

    /** The languages {@code q} is searched in. */
    public static Collection<String> languages(Request r) {
        return r.language().isBlank() ? Languages.forScriptOf(r.q()) : Set.of(Languages.of(r.language()));
    }

    /** The scored text query alone (what the highlighter marks); the bench runs this one in-process. */
    public Query textQuery(Request r) {
        QueryText text = QueryText.parse(r.q(), config.maxQueryLength(), config.maxQueryClauses());
        return queries.of(text, languages(r));
    }

    /** @throws IllegalArgumentException for a page token that is not from this kind of search */
    public Result search(IndexSearcher searcher, Request r) throws IOException {
        Query text = textQuery(r);
        Query scored = r.recencyBoost() && !r.byDate()
                ? FunctionScoreQuery.boostByValue(text, new RecencyBoost(clock.millis(), config.recencyHalfLife(), config.recencyWeight()))
                : text;
        BooleanQuery.Builder unsectioned = new BooleanQuery.Builder().add(scored, Occur.MUST);
        if (!r.language().isBlank()) {
            unsectioned.add(new TermQuery(new Term(Fields.LANGUAGE, Languages.primary(r.language()))), Occur.FILTER);
        }
        if (r.fromMillis() != null || r.toMillis() != null) {
            long from = r.fromMillis() == null ? Long.MIN_VALUE : r.fromMillis();
            long to = r.toMillis() == null ? Long.MAX_VALUE : r.toMillis() - 1;
            unsectioned.add(LongPoint.newRangeQuery(Fields.PUBLISH_TIME, from, to), Occur.FILTER);
        }
        Query facetQuery = unsectioned.build();
        Query query = r.section().isBlank() ? facetQuery
                : new BooleanQuery.Builder().add(facetQuery, Occur.MUST)
                        .add(new TermQuery(new Term(Fields.SECTION, r.section())), Occur.FILTER).build();

        int size = pageSize(r.pageSize());
        FieldDoc after = r.pageToken().isBlank() ? null : PageToken.decode(r.pageToken(), r.byDate()).fieldDoc();
        Sort sort = r.byDate() ? BY_DATE : BY_RELEVANCE;
        // one extra hit tells whether there is a next page
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, size + 1, after, Integer.MAX_VALUE);
        TopFieldDocs top;
        Map<String, Long> facets;
        if (query == facetQuery) {
            // no section filter: the page and the section counts in one pass over the matches
            Object[] both = searcher.search(query, new MultiCollectorManager(topManager, new SectionCounts()));
            top = (TopFieldDocs) both[0];
            @SuppressWarnings("unchecked")
            Map<String, Long> counts = (Map<String, Long>) both[1];
            facets = counts;
        } else {
            top = searcher.search(query, topManager);
            facets = searcher.search(facetQuery, new SectionCounts());
        }

        ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(size, top.scoreDocs.length));
        String next = top.scoreDocs.length > size ? PageToken.after(r.byDate(), (FieldDoc) page[page.length - 1]).encode() : "";
        return new Result(hits(searcher, text, page, languages(r)), top.totalHits.value, facets, next);
    }

    private List<StoryHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page, Collection<String> languages) throws IOException {
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
