package dev.newsroom.search.index;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.analysis.Languages;
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
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;

/** A published story as a Lucene document: its text in the fields of its language. */
public final class StoryDocument {
    /** Stored, with offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private StoryDocument() {
    }

    public static Document of(Article article) {
        String language = Languages.of(article.getLanguage());
        long publishMillis = article.hasPublishTime()
                ? article.getPublishTime().getSeconds() * 1000 + article.getPublishTime().getNanos() / 1_000_000
                : 0;
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(article.getId()), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.ID_SORT, article.getId()));
        doc.add(new NumericDocValuesField(Fields.VERSION, article.getVersion()));
        doc.add(new StoredField(Fields.SLUG, article.getSlug()));
        doc.add(new StringField(Fields.LANGUAGE, Languages.primary(article.getLanguage()), Field.Store.NO));
        doc.add(new StoredField(Fields.LANGUAGE, article.getLanguage()));
        doc.add(new StoredField(Fields.ANALYSIS, language));
        doc.add(new StringField(Fields.SECTION, article.getSection(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.SECTION, new BytesRef(article.getSection())));
        doc.add(new StoredField(Fields.AUTHOR, article.getAuthor()));
        doc.add(new LongPoint(Fields.PUBLISH_TIME, publishMillis));
        doc.add(new NumericDocValuesField(Fields.PUBLISH_TIME, publishMillis));
        doc.add(new StoredField(Fields.PUBLISH_TIME, publishMillis));
        doc.add(new Field(Fields.text(Fields.HEADLINE, language), article.getHeadline(), TEXT));
        doc.add(new Field(Fields.text(Fields.LEAD, language), article.getLead(), TEXT));
        doc.add(new Field(Fields.text(Fields.BODY, language), plainText(article.getBody()), TEXT));
        doc.add(new TextField(Fields.SUGGEST, article.getHeadline(), Field.Store.NO));
        return doc;
    }

    /** The body's text: bodies are sanitised HTML; entities are decoded here and escaped again on output. */
    static String plainText(String html) {
        return html.isEmpty() ? "" : Jsoup.parse(html).text();
    }
}
