package dev.newsroom.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.search.analysis.Analyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/** Which schema an opened index counts as, and what its commits say afterwards. */
class IndexSchemaTest {

    @Test
    void aFreshIndexIsOursAndSaysSo() throws Exception {
        Path dir = Files.createTempDirectory("schema-fresh");
        try (LiveIndex index = LiveIndex.open(dir)) {
            assertThat(index.schema()).isEqualTo(LiveIndex.SCHEMA);
            assertThat(index.newerSchema()).isFalse();
            index.apply(published(1));
        }
        assertThat(commitData(dir))
                .containsEntry(LiveIndex.SCHEMA_KEY, String.valueOf(LiveIndex.SCHEMA));
    }

    @Test
    void storiesWithoutARecordedSchemaAreTheFirstOneAndStaySoUntilRebuilt() throws Exception {
        Path dir = Files.createTempDirectory("schema-one");
        write(dir, Map.of(LiveIndex.CURSOR_KEY, "7"));
        try (LiveIndex index = LiveIndex.open(dir)) {
            assertThat(index.schema()).isEqualTo(1);
            index.apply(
                    published(8)); // a schema-2 story among schema-1 ones: the index as a whole is
            // still 1
        }
        assertThat(commitData(dir))
                .containsEntry(LiveIndex.SCHEMA_KEY, "1")
                .containsEntry(LiveIndex.CURSOR_KEY, "8");
    }

    @Test
    void anIndexOfANewerReleaseIsRebuiltAndLabelledAsOurs() throws Exception {
        Path dir = Files.createTempDirectory("schema-newer");
        write(
                dir,
                Map.of(
                        LiveIndex.CURSOR_KEY,
                        "3",
                        LiveIndex.SCHEMA_KEY,
                        String.valueOf(LiveIndex.SCHEMA + 1)));
        try (LiveIndex index = LiveIndex.open(dir)) {
            assertThat(index.newerSchema()).isTrue();
            assertThat(index.schema()).isEqualTo(LiveIndex.SCHEMA);
            index.apply(published(4));
        }
        // what this release added is of its schema; the newer release will see that and rebuild in
        // its turn
        assertThat(commitData(dir))
                .containsEntry(LiveIndex.SCHEMA_KEY, String.valueOf(LiveIndex.SCHEMA));
    }

    private static void write(Path dir, Map<String, String> commitData) throws Exception {
        try (FSDirectory fs = FSDirectory.open(dir);
                IndexWriter writer =
                        new IndexWriter(fs, new IndexWriterConfig(Analyzers.forIndex()))) {
            Document doc = new Document();
            doc.add(new StringField("id", "1", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }

    private static Map<String, String> commitData(Path dir) throws Exception {
        try (FSDirectory fs = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(fs).getUserData();
        }
    }

    private static ArticleEvent published(long sequence) {
        return ArticleEvent.newBuilder()
                .setSequence(sequence)
                .setArticle(
                        Article.newBuilder()
                                .setId(100 + sequence)
                                .setVersion(1)
                                .setStatus(Article.Status.PUBLISHED)
                                .setLanguage("en")
                                .setSection("world")
                                .setHeadline("Story " + sequence)
                                .setSlug("story-" + sequence))
                .build();
    }
}
