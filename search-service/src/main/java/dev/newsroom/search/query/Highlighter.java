package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks the matches of a query in headline and passages. The text is HTML-escaped first
 * ({@link DefaultPassageFormatter} with escaping), then matches are wrapped in
 * {@code <mark>}: a story's text can never inject markup into a result page.
 *
 * <p>Offsets come from the postings (no re-analysis), the text from the stored documents the
 * caller has already read (stored fields are decompressed once per hit, not once per field
 * group), and headline, lead and body are marked in one pass.
 */
public final class Highlighter {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    /** One hit's marks: the headline (empty when it has no match) and up to N passages of lead and body. */
    public record Marked(String headline, List<String> snippets) {
    }

    private final Analyzers indexAnalyzers;
    private final int snippets;
    private final int snippetLength;

    public Highlighter(Analyzers indexAnalyzers, int snippets, int snippetLength) {
        this.indexAnalyzers = indexAnalyzers;
        this.snippets = snippets;
        this.snippetLength = snippetLength;
    }

    /**
     * @param docs   the hits' doc ids
     * @param stored their stored documents, in the same order
     */
    Marked[] mark(IndexSearcher searcher, Query query, int[] docs, Document[] stored, Collection<String> languages) throws IOException {
        FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
        List<String> headlineFields = present(infos, Fields.HEADLINE, languages);
        List<String> passageFields = new ArrayList<>(present(infos, Fields.LEAD, languages));
        passageFields.addAll(present(infos, Fields.BODY, languages));
        List<String> fields = new ArrayList<>(headlineFields);
        fields.addAll(passageFields);
        Marked[] result = new Marked[docs.length];
        if (fields.isEmpty() || docs.length == 0) {
            Arrays.fill(result, new Marked("", List.of()));
            return result;
        }
        Map<Integer, Document> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], stored[i]);
        }
        int[] maxPassages = fields.stream().mapToInt(f -> headlineFields.contains(f) ? 1 : snippets).toArray();
        Map<String, String[]> marked = new StoredTextHighlighter(searcher, infos, byDoc, headlineFields)
                .highlightFields(fields.toArray(String[]::new), query, docs, maxPassages);
        for (int i = 0; i < docs.length; i++) {
            String headline = "";
            for (String field : headlineFields) {
                String text = marked.get(field)[i];
                if (headline.isEmpty() && text != null) {
                    headline = text;
                }
            }
            List<String> passages = new ArrayList<>();
            for (String field : passageFields) {
                String text = marked.get(field)[i];
                if (text != null && !text.isEmpty() && passages.size() < snippets) {
                    passages.add(text);
                }
            }
            result[i] = new Marked(headline, passages);
        }
        return result;
    }

    /** The text fields of {@code part} in these languages that some story in the index has. */
    private static List<String> present(FieldInfos infos, String part, Collection<String> languages) {
        return languages.stream().map(l -> Fields.text(part, l)).filter(f -> infos.fieldInfo(f) != null).toList();
    }

    /** The unified highlighter reading the already loaded documents, a whole-headline or sentence break per field. */
    private final class StoredTextHighlighter extends UnifiedHighlighter {
        private final FieldInfos infos;
        private final Map<Integer, Document> byDoc;
        private final List<String> headlineFields;

        StoredTextHighlighter(IndexSearcher searcher, FieldInfos infos, Map<Integer, Document> byDoc, List<String> headlineFields) {
            super(UnifiedHighlighter.builder(searcher, indexAnalyzers)
                    .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, " … ", true))
                    .withMaxNoHighlightPassages(0)
                    .withWeightMatches(false));
            this.infos = infos;
            this.byDoc = byDoc;
            this.headlineFields = headlineFields;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return headlineFields.contains(field)
                    ? new WholeBreakIterator()
                    : LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), snippetLength, 0.5f);
        }

        @Override
        protected FieldInfo getFieldInfo(String field) {
            return infos.fieldInfo(field);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document stored = byDoc.get(doc);
                CharSequence[] perField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = stored == null ? null : stored.get(fields[f]);
                    perField[f] = value == null ? "" : value;
                }
                values.add(perField);
            }
            return values;
        }
    }
}
