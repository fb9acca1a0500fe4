package dev.newsroom.search.index;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * One on-disk index and the feed position it reflects. The position is stored in the
 * commit's user data, so what is on disk and where the feed resumes can never disagree:
 * after a crash the events since the last commit are simply applied again.
 *
 * <p>Applying is single-threaded (the feed follower); searching is concurrent through the
 * searcher manager.
 */
public final class LiveIndex implements Closeable {
    static final String CURSOR_KEY = "newsroom.feed.sequence";
    static final String SCHEMA_KEY = "newsroom.index.schema";

    /**
     * What this version writes: 2 keeps a story's shown fields and text in its {@link StoryCard}
     * (1 had them as stored fields); 3 folds Arabic-script letters in the Latin-script languages'
     * text as the Persian analysis does, and indexes the words "did you mean" picks from. An index of an older schema is still searched correctly,
     * and {@link SearchIndex} rebuilds it on opening.
     */
    public static final int SCHEMA = 3;

    /** BM25 with Lucene's defaults (k1 1.2, b 0.75): the index, the service and the bench use this one. */
    public static final Similarity SIMILARITY = new BM25Similarity();

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Version of every indexed story: makes a replayed or stale event a no-op. */
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    /** The schema of the oldest story this index may hold; kept across commits until a rebuild replaces it. */
    private final int schema;

    private final boolean newerSchema;
    private volatile long cursor;
    private long committedCursor;
    private int uncommitted;

    private LiveIndex(Path path) throws IOException {
        this.path = path;
        directory = FSDirectory.open(path);
        IndexWriterConfig config =
                new IndexWriterConfig(Analyzers.forIndex())
                        .setSimilarity(SIMILARITY)
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                        .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        String stored = null;
        String storedSchema = null;
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (CURSOR_KEY.equals(e.getKey())) {
                stored = e.getValue();
            } else if (SCHEMA_KEY.equals(e.getKey())) {
                storedSchema = e.getValue();
            }
        }
        cursor = stored == null ? 0 : Long.parseLong(stored);
        // no schema in a commit that has stories: written before schemas were recorded (1); a newer
        // schema (a rolled-back release) is labelled as ours from now on, since what we add is ours
        schema =
                storedSchema != null
                        ? Math.min(Integer.parseInt(storedSchema), SCHEMA)
                        : writer.getDocStats().numDocs > 0 ? 1 : SCHEMA;
        newerSchema = storedSchema != null && Integer.parseInt(storedSchema) > SCHEMA;
        committedCursor = cursor;
        searchers =
                new SearcherManager(
                        writer,
                        new SearcherFactory() {
                            @Override
                            public IndexSearcher newSearcher(
                                    org.apache.lucene.index.IndexReader reader,
                                    org.apache.lucene.index.IndexReader previous) {
                                IndexSearcher searcher = new IndexSearcher(reader);
                                searcher.setSimilarity(SIMILARITY);
                                return searcher;
                            }
                        });
        loadVersions();
    }

    public static LiveIndex open(Path path) {
        try {
            return new LiveIndex(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** The schema this index was written with (see {@link #SCHEMA}); never more than ours. */
    public int schema() {
        return schema;
    }

    /** Whether a newer release wrote this index (a rollback): it is rebuilt like an older one. */
    public boolean newerSchema() {
        return newerSchema;
    }

    /** The sequence of the last feed event applied (committed or not). */
    public long cursor() {
        return cursor;
    }

    /**
     * Applies one feed event: a published story is added or replaced, any other status
     * removes it. Events at or before the cursor, and versions older than the indexed one,
     * change nothing.
     */
    public void apply(ArticleEvent event) throws IOException {
        if (event.getSequence() <= cursor) {
            return;
        }
        Article article = event.getArticle();
        Term id = new Term(Fields.ID, Long.toString(article.getId()));
        Long indexed = versions.get(article.getId());
        if (article.getStatus() == Article.Status.PUBLISHED) {
            if (indexed == null || indexed < article.getVersion()) {
                writer.updateDocument(id, StoryDocument.of(article));
                versions.put(article.getId(), article.getVersion());
            }
        } else if (indexed != null) {
            writer.deleteDocuments(id);
            versions.remove(article.getId());
        }
        cursor = event.getSequence();
        uncommitted++;
    }

    /** Makes what was applied visible to searches (near-real-time, no fsync). */
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    public boolean hasUncommitted() {
        return uncommitted > 0 || cursor != committedCursor;
    }

    /** Writes the applied events and their cursor to disk, together. */
    public void commit() throws IOException {
        if (!hasUncommitted()) {
            return;
        }
        long at = cursor;
        writer.setLiveCommitData(
                Map.of(CURSOR_KEY, Long.toString(at), SCHEMA_KEY, Integer.toString(schema))
                        .entrySet());
        writer.commit();
        committedCursor = at;
        uncommitted = 0;
    }

    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int stories() {
        return versions.size();
    }

    private void loadVersions() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues ids = leaf.reader().getNumericDocValues(Fields.ID_SORT);
                NumericDocValues vs = leaf.reader().getNumericDocValues(Fields.VERSION);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null || vs == null) {
                    continue;
                }
                Map<Integer, Long> idByDoc = new HashMap<>();
                for (int d = ids.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = ids.nextDoc()) {
                    if (live == null || live.get(d)) {
                        idByDoc.put(d, ids.longValue());
                    }
                }
                for (int d = vs.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = vs.nextDoc()) {
                    Long storyId = idByDoc.get(d);
                    if (storyId != null) {
                        versions.put(storyId, vs.longValue());
                    }
                }
            }
        }
    }

    /** Commits what was applied (a clean stop loses nothing) and closes. */
    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }
}
