package dev.newsroom.search.index;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.analysis.Languages;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;

/** A published story as a Lucene document: its text in the fields of its language. */
public final class StoryDocument {
    /** Offsets in the postings, so highlighting needs no re-analysis; the text itself is in the card. */
    private static final FieldType TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    /** Which words exist, and in how many stories: no frequencies, positions or norms. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
        WORDS.setIndexOptions(IndexOptions.DOCS);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private StoryDocument() {}

    public static Document of(Article article) {
        String language = Languages.of(article.getLanguage());
        long publishMillis =
                article.hasPublishTime()
                        ? article.getPublishTime().getSeconds() * 1000
                                + article.getPublishTime().getNanos() / 1_000_000
                        : 0;
        String headline = article.getHeadline();
        String lead = article.getLead();
        String body = plainText(article.getBody());
        StoryCard card =
                new StoryCard(
                        article.getId(),
                        article.getSlug(),
                        article.getLanguage(),
                        language,
                        article.getSection(),
                        article.getAuthor(),
                        publishMillis,
                        headline,
                        lead,
                        body);
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(article.getId()), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.ID_SORT, article.getId()));
        doc.add(new NumericDocValuesField(Fields.VERSION, article.getVersion()));
        doc.add(
                new StringField(
                        Fields.LANGUAGE, Languages.primary(article.getLanguage()), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION, article.getSection(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.SECTION, new BytesRef(article.getSection())));
        doc.add(new LongPoint(Fields.PUBLISH_TIME, publishMillis));
        doc.add(new NumericDocValuesField(Fields.PUBLISH_TIME, publishMillis));
        doc.add(new BinaryDocValuesField(Fields.CARD, card.encode()));
        doc.add(new Field(Fields.text(Fields.HEADLINE, language), headline, TEXT));
        doc.add(new Field(Fields.text(Fields.LEAD, language), lead, TEXT));
        doc.add(new Field(Fields.text(Fields.BODY, language), body, TEXT));
        doc.add(new TextField(Fields.SUGGEST, headline, Field.Store.NO));
        doc.add(new Field(Fields.SPELL, headline + "\n" + lead + "\n" + body, WORDS));
        return doc;
    }

    /** The body's text: bodies are sanitised HTML; entities are decoded here and escaped again on output. */
    static String plainText(String html) {
        return html.isEmpty() ? "" : Jsoup.parse(html).text();
    }
}
