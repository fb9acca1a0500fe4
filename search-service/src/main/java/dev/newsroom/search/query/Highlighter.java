package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import dev.newsroom.search.index.StoryCard;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Marks the matches of a query in headline and passages. The text is HTML-escaped first
 * ({@link DefaultPassageFormatter} with escaping), then matches are wrapped in
 * {@code <mark>}: a story's text can never inject markup into a result page.
 *
 * <p>Offsets come from the postings (no re-analysis), each query term's postings read forward
 * once through the page's hits (they come in index order) rather than looked up again for
 * every hit; the text comes from the {@link StoryCard}s the caller has already read; headline,
 * lead and body are marked in one pass.
 */
public final class Highlighter {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    /** One hit's marks: the headline (empty when it has no match) and up to N passages of lead and body. */
    public record Marked(String headline, List<String> snippets) {}

    private static final PassageScorer SCORER = new PassageScore();

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
     * @param cards  their cards, in the same order
     */
    Marked[] mark(
            IndexSearcher searcher,
            Query query,
            int[] docs,
            StoryCard[] cards,
            Collection<String> languages)
            throws IOException {
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
        Map<Integer, StoryCard> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], cards[i]);
        }
        int[] maxPassages =
                fields.stream().mapToInt(f -> headlineFields.contains(f) ? 1 : snippets).toArray();
        Map<String, String[]> marked =
                new StoredTextHighlighter(searcher, infos, byDoc, headlineFields)
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
    private static List<String> present(
            FieldInfos infos, String part, Collection<String> languages) {
        return languages.stream()
                .map(l -> Fields.text(part, l))
                .filter(f -> infos.fieldInfo(f) != null)
                .toList();
    }

    /** The unified highlighter reading the already loaded cards, a whole-headline or sentence break per field. */
    private final class StoredTextHighlighter extends UnifiedHighlighter {
        private final FieldInfos infos;
        private final Map<Integer, StoryCard> byDoc;
        private final List<String> headlineFields;

        StoredTextHighlighter(
                IndexSearcher searcher,
                FieldInfos infos,
                Map<Integer, StoryCard> byDoc,
                List<String> headlineFields) {
            super(
                    UnifiedHighlighter.builder(searcher, indexAnalyzers)
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
                    : LengthGoalBreakIterator.createClosestToLength(
                            new SentenceBreaks(), snippetLength, 0.5f);
        }

        @Override
        protected FieldInfo getFieldInfo(String field) {
            return infos.fieldInfo(field);
        }

        @Override
        protected PassageScorer getScorer(String field) {
            return SCORER;
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(
                OffsetSource source, UHComponents components) {
            return source == OffsetSource.POSTINGS
                    ? new ForwardPostings(components)
                    : super.getOffsetStrategy(source, components);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(
                String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            String[] parts = Arrays.stream(fields).map(Fields::partOf).toArray(String[]::new);
            String[] languages =
                    Arrays.stream(fields).map(Fields::languageOf).toArray(String[]::new);
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = docIter.nextDoc()) {
                StoryCard card = byDoc.get(doc);
                CharSequence[] perField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    // a story has text only in the fields of its own analysis language
                    boolean own = card != null && languages[f].equals(card.analysis());
                    perField[f] = own ? card.text(parts[f]) : "";
                }
                values.add(perField);
            }
            return values;
        }
    }

    /**
     * Lucene's passage score (BM25 over the passage, favouring early passages), computed
     * without building a {@code BytesRefHash} for every candidate passage: its 32 KB block was
     * a fifth of a search answer. A passage has a handful of matches, so distinct terms are
     * found by comparison; a passage with very many matches takes Lucene's own path.
     */
    static final class PassageScore extends PassageScorer {
        private static final int MAX_COMPARED = 64;

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            if (matches > MAX_COMPARED) {
                return super.score(passage, contentLength);
            }
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
            double score = 0d;
            for (int i = 0; i < matches; i++) {
                boolean counted = false;
                for (int j = 0; j < i && !counted; j++) {
                    counted = terms[j].bytesEquals(terms[i]);
                }
                if (counted) {
                    continue;
                }
                int inPassage = 0;
                for (int j = i; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }
    }

    /**
     * Offsets from the postings like Lucene's {@link PostingsOffsetStrategy}, but with one
     * postings enum per query term and segment, advanced through the hits in index order:
     * the plain strategy seeks every term again and opens a new enum for every hit. Phrases
     * (position-sensitive), wildcard automata and weight-matches highlighting take the plain path.
     */
    private static final class ForwardPostings extends PostingsOffsetStrategy {
        private LeafReader leaf;
        private PostingsEnum[] postings;
        private int lastDoc = -1;

        ForwardPostings(UHComponents components) {
            super(components);
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
                throws IOException {
            if (components.getPhraseHelper().hasPositionSensitivity()
                    || components.getAutomata().length > 0
                    || components
                            .getHighlightFlags()
                            .contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)) {
                return super.getOffsetsEnum(reader, docId, content);
            }
            if (reader != leaf || docId <= lastDoc) {
                open(reader);
            }
            lastDoc = docId;
            BytesRef[] terms = components.getTerms();
            List<OffsetsEnum> found = new ArrayList<>(terms.length);
            for (int t = 0; t < terms.length; t++) {
                PostingsEnum p = postings[t];
                if (p != null && p.docID() < docId) {
                    p.advance(docId);
                }
                if (p != null && p.docID() == docId) {
                    found.add(new OffsetsEnum.OfPostings(terms[t], p));
                }
            }
            return switch (found.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> found.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(found);
            };
        }

        private void open(LeafReader reader) throws IOException {
            leaf = reader;
            BytesRef[] terms = components.getTerms();
            postings = new PostingsEnum[terms.length];
            Terms index = reader.terms(getField());
            if (index == null) {
                return;
            }
            TermsEnum termsEnum = index.iterator();
            for (int t = 0; t < terms.length; t++) {
                if (termsEnum.seekExact(terms[t])) {
                    postings[t] = termsEnum.postings(null, PostingsEnum.OFFSETS);
                    if (postings[t] == null) {
                        throw new IllegalArgumentException(
                                "field '"
                                        + getField()
                                        + "' was indexed without offsets, cannot highlight");
                    }
                }
            }
        }
    }
}
