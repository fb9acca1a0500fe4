package dev.newsroom.search.index;

import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a result list shows of a story, and the text its highlights are cut from, kept in one
 * binary doc value per story ({@link Fields#CARD}): reading a page of 20 hits is 20 copies
 * out of the memory-mapped index. Stored fields would cost a dictionary and a block
 * decompression per hit, about a third of a whole search (docs/search.md).
 *
 * <p>Indexes written before the card existed (schema 1) kept these values as stored fields;
 * {@link #read} falls back to them per document, so such an index answers correctly until
 * the rebuild that {@link SearchIndex} starts on opening it has replaced it.
 *
 * @param language the story's BCP 47 tag as written
 * @param analysis the analysis language: the suffix of this story's text fields
 * @param body     the body as plain text (entities decoded)
 */
public record StoryCard(
        long id,
        String slug,
        String language,
        String analysis,
        String section,
        String author,
        long publishMillis,
        String headline,
        String lead,
        String body) {
    private static final byte FORMAT = 1;

    /** The text of {@code part} ({@link Fields#HEADLINE}, {@link Fields#LEAD} or {@link Fields#BODY}). */
    public String text(String part) {
        return switch (part) {
            case Fields.HEADLINE -> headline;
            case Fields.LEAD -> lead;
            case Fields.BODY -> body;
            default -> throw new IllegalArgumentException("no text part " + part);
        };
    }

    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(FORMAT);
            out.writeVLong(id);
            out.writeString(slug);
            out.writeString(language);
            out.writeString(analysis);
            out.writeString(section);
            out.writeString(author);
            out.writeZLong(publishMillis);
            out.writeString(headline);
            out.writeString(lead);
            out.writeString(body);
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** @param body whether to read the body too (it is last, and the longest by far); empty if not */
    static StoryCard decode(BytesRef bytes, boolean body) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException(
                    "story card format " + format + " is not known to this version");
        }
        return new StoryCard(
                in.readVLong(),
                in.readString(),
                in.readString(),
                in.readString(),
                in.readString(),
                in.readString(),
                in.readZLong(),
                in.readString(),
                in.readString(),
                body ? in.readString() : "");
    }

    /** A story indexed before the card existed, from its stored fields. */
    private static StoryCard ofStored(Document doc) {
        String analysis = doc.get(Fields.ANALYSIS);
        return new StoryCard(
                Long.parseLong(doc.get(Fields.ID)),
                doc.get(Fields.SLUG),
                doc.get(Fields.LANGUAGE),
                analysis,
                doc.get(Fields.SECTION),
                doc.get(Fields.AUTHOR),
                doc.getField(Fields.PUBLISH_TIME).numericValue().longValue(),
                orEmpty(doc.get(Fields.text(Fields.HEADLINE, analysis))),
                orEmpty(doc.get(Fields.text(Fields.LEAD, analysis))),
                orEmpty(doc.get(Fields.text(Fields.BODY, analysis))));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The cards of {@code docs} (top-level doc ids), in the order of {@code docs}; read in index order. */
    public static StoryCard[] read(IndexSearcher searcher, int[] docs) throws IOException {
        return read(searcher, docs, true);
    }

    /** The cards of {@code docs} without their bodies (empty): what a list of hits or suggestions shows. */
    public static StoryCard[] shown(IndexSearcher searcher, int[] docs) throws IOException {
        return read(searcher, docs, false);
    }

    private static StoryCard[] read(IndexSearcher searcher, int[] docs, boolean body)
            throws IOException {
        Integer[] order = IntStream.range(0, docs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        StoryCard[] cards = new StoryCard[docs.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        StoredFields stored = null;
        for (int i : order) {
            int doc = docs[i];
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values =
                        leaf.reader()
                                .getBinaryDocValues(
                                        Fields.CARD); // forward-only: one per leaf, docs ascending
                stored = null;
            }
            int inLeaf = doc - leaf.docBase;
            if (values != null && values.advanceExact(inLeaf)) {
                cards[i] = decode(values.binaryValue(), body);
            } else {
                stored = stored != null ? stored : leaf.reader().storedFields();
                cards[i] = ofStored(stored.document(inLeaf));
            }
        }
        return cards;
    }
}
