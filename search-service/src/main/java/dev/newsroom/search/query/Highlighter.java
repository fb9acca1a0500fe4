package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
public final class Highlighter {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    private final Analyzers indexAnalyzers;
    private final int snippets;
    private final int snippetLength;

    public Highlighter(Analyzers indexAnalyzers, int snippets, int snippetLength) {
        this.indexAnalyzers = indexAnalyzers;
        this.snippets = snippets;
        this.snippetLength = snippetLength;
    }

    /** Marked headline per doc (empty when it has no match). */
    String[] headlines(IndexSearcher searcher, Query query, int[] docs, Collection<String> languages) throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, indexAnalyzers)
                .withFormatter(formatter())
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxNoHighlightPassages(0)
                .build();
        String[] result = new String[docs.length];
        Arrays.fill(result, "");
        merge(h.highlightFields(fields(Fields.HEADLINE, languages), query, docs, repeat(1, languages.size())), result);
        return result;
    }

    /** Up to {@code snippets} marked passages of lead and body per doc. */
    List<List<String>> snippets(IndexSearcher searcher, Query query, int[] docs, Collection<String> languages) throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, indexAnalyzers)
                .withFormatter(formatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), snippetLength, 0.5f))
                .withMaxNoHighlightPassages(0)
                .build();
        List<String> fields = new ArrayList<>();
        fields.addAll(List.of(fields(Fields.LEAD, languages)));
        fields.addAll(List.of(fields(Fields.BODY, languages)));
        Map<String, String[]> marked = h.highlightFields(fields.toArray(String[]::new), query, docs, repeat(snippets, fields.size()));
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            List<String> passages = new ArrayList<>();
            for (String field : fields) {
                String text = marked.get(field)[i];
                if (text != null && !text.isEmpty() && passages.size() < snippets) {
                    passages.add(text);
                }
            }
            result.add(passages);
        }
        return result;
    }

    private static DefaultPassageFormatter formatter() {
        return new DefaultPassageFormatter(OPEN, CLOSE, " … ", true);
    }

    private static void merge(Map<String, String[]> marked, String[] into) {
        for (String[] values : marked.values()) {
            for (int i = 0; i < into.length; i++) {
                if (values[i] != null && !values[i].isEmpty() && into[i].isEmpty()) {
                    into[i] = values[i];
                }
            }
        }
    }

    private static String[] fields(String part, Collection<String> languages) {
        return languages.stream().map(l -> Fields.text(part, l)).toArray(String[]::new);
    }

    private static int[] repeat(int value, int times) {
        int[] a = new int[times];
        Arrays.fill(a, value);
        return a;
    }
}
