package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.index.StoryCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** Stories like a given one (more-like-this over its own language's text), never itself. */
public final class RelatedStories {
    private static final int MAX_QUERY_TERMS = 25;

    private final Analyzers analyzers = Analyzers.forQuery();
    private final int max;

    public RelatedStories(int max) {
        this.max = max;
    }

    /** Empty when the story is not in the index (not published, or unknown). */
    public Optional<List<StoryHit>> of(IndexSearcher searcher, long id) throws IOException {
        TermQuery self = new TermQuery(new Term(Fields.ID, Long.toString(id)));
        ScoreDoc[] found = searcher.search(self, 1).scoreDocs;
        if (found.length == 0) {
            return Optional.empty();
        }
        StoryCard story = StoryCard.read(searcher, new int[] {found[0].doc})[0];
        String[] fields =
                Stream.of(Fields.HEADLINE, Fields.LEAD, Fields.BODY)
                        .map(p -> Fields.text(p, story.analysis()))
                        .toArray(String[]::new);
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzers);
        mlt.setFieldNames(fields);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        // the story's own text, from its card (text fields are indexed, not stored)
        Map<String, Collection<Object>> text = new HashMap<>();
        text.put(fields[0], List.of(story.headline()));
        text.put(fields[1], List.of(story.lead()));
        text.put(fields[2], List.of(story.body()));
        Query like = mlt.like(text);
        Query query =
                new BooleanQuery.Builder().add(like, Occur.MUST).add(self, Occur.MUST_NOT).build();
        ScoreDoc[] similar = searcher.search(query, max).scoreDocs;
        StoryCard[] cards =
                StoryCard.shown(searcher, Arrays.stream(similar).mapToInt(d -> d.doc).toArray());
        List<StoryHit> hits = new ArrayList<>();
        for (int i = 0; i < similar.length; i++) {
            hits.add(StoryHit.of(cards[i], similar[i].score, "", List.of()));
        }
        return Optional.of(hits);
    }
}
