package dev.newsroom.search.support;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.index.LiveIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A search data directory as the first release wrote it (index schema 1): every shown field
 * and the text stored, no story card, no schema in the commit. English stories only.
 */
public final class SchemaOneIndex {
    private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private SchemaOneIndex() {}

    /** Writes {@code stories} into {@code dataDir/index} and names it live; the commit has no feed cursor. */
    public static void write(Path dataDir, Article... stories) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("CURRENT"), "index\n", StandardCharsets.UTF_8);
        try (FSDirectory dir = FSDirectory.open(dataDir.resolve("index"));
                IndexWriter writer =
                        new IndexWriter(
                                dir,
                                new IndexWriterConfig(Analyzers.forIndex())
                                        .setSimilarity(LiveIndex.SIMILARITY))) {
            for (Article a : stories) {
                long publishMillis = a.getPublishTime().getSeconds() * 1000;
                Document doc = new Document();
                doc.add(new StringField(Fields.ID, Long.toString(a.getId()), Field.Store.YES));
                doc.add(new NumericDocValuesField(Fields.ID_SORT, a.getId()));
                doc.add(new NumericDocValuesField(Fields.VERSION, a.getVersion()));
                doc.add(new StoredField(Fields.SLUG, a.getSlug()));
                doc.add(new StringField(Fields.LANGUAGE, "en", Field.Store.NO));
                doc.add(new StoredField(Fields.LANGUAGE, a.getLanguage()));
                doc.add(new StoredField(Fields.ANALYSIS, "en"));
                doc.add(new StringField(Fields.SECTION, a.getSection(), Field.Store.YES));
                doc.add(new SortedDocValuesField(Fields.SECTION, new BytesRef(a.getSection())));
                doc.add(new StoredField(Fields.AUTHOR, a.getAuthor()));
                doc.add(new LongPoint(Fields.PUBLISH_TIME, publishMillis));
                doc.add(new NumericDocValuesField(Fields.PUBLISH_TIME, publishMillis));
                doc.add(new StoredField(Fields.PUBLISH_TIME, publishMillis));
                doc.add(new Field(Fields.text(Fields.HEADLINE, "en"), a.getHeadline(), TEXT));
                doc.add(new Field(Fields.text(Fields.LEAD, "en"), a.getLead(), TEXT));
                doc.add(
                        new Field(
                                Fields.text(Fields.BODY, "en"),
                                a.getBody().replaceAll("<[^>]+>", ""),
                                TEXT));
                doc.add(new TextField(Fields.SUGGEST, a.getHeadline(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        }
    }
}
