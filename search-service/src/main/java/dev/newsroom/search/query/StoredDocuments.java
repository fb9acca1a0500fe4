package dev.newsroom.search.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/** The stored documents of a page of hits, read once each, in index order (a compressed block is decompressed once). */
final class StoredDocuments {
    private StoredDocuments() {
    }

    /** @return the documents of {@code docs}, in the order of {@code docs} */
    static Document[] read(IndexSearcher searcher, int[] docs) throws IOException {
        StoredFields fields = searcher.storedFields();
        Integer[] order = IntStream.range(0, docs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        Document[] stored = new Document[docs.length];
        for (int i : order) {
            stored[i] = fields.document(docs[i]);
        }
        return stored;
    }
}
