package dev.newsroom.search.support;

import com.google.protobuf.Timestamp;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.index.LiveIndex;
import dev.newsroom.search.index.StoryDocument;
import dev.newsroom.search.query.StoryHit;
import dev.newsroom.search.query.StorySearch;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A few stories in an in-memory index, searched with the service's own analysis and query code. */
public final class MemoryStories {
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final StorySearch search;
    private long nextId = 1;

    public MemoryStories() throws IOException {
        writer =
                new IndexWriter(
                        directory,
                        new IndexWriterConfig(Analyzers.forIndex())
                                .setSimilarity(LiveIndex.SIMILARITY));
        search = new StorySearch(ShippedConfig.search(), Clock.systemUTC());
    }

    public long add(String language, String section, String headline, String body)
            throws IOException {
        long id = nextId++;
        writer.addDocument(
                StoryDocument.of(
                        Article.newBuilder()
                                .setId(id)
                                .setVersion(1)
                                .setSlug("s-" + id)
                                .setLanguage(language)
                                .setSection(section)
                                .setHeadline(headline)
                                .setBody(body)
                                .setStatus(Article.Status.PUBLISHED)
                                .setPublishTime(
                                        Timestamp.newBuilder()
                                                .setSeconds(
                                                        Instant.parse("2025-01-01T00:00:00Z")
                                                                        .getEpochSecond()
                                                                + id))
                                .build()));
        return id;
    }

    /** Ends the current segment: the next stories go into a new one. */
    public void newSegment() throws IOException {
        writer.commit();
    }

    public StorySearch.Result search(String q, String language) throws IOException {
        writer.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(LiveIndex.SIMILARITY);
            return search.search(
                    searcher,
                    new StorySearch.Request(q, "", language, null, null, false, false, 20, ""));
        }
    }

    public List<Long> ids(String q) throws IOException {
        return search(q, "").hits().stream().map(StoryHit::id).toList();
    }
}
