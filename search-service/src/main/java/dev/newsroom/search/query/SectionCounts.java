package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Facet counts: how many matching stories each section has, most first. */
final class SectionCounts implements CollectorManager<SectionCounts.Counter, Map<String, Long>> {

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, Long> reduce(Collection<Counter> counters) {
        Map<String, Long> total = new HashMap<>();
        counters.forEach(c -> c.counts.forEach((k, v) -> total.merge(k, v, Long::sum)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        total.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static final class Counter extends SimpleCollector {
        private final Map<String, Long> counts = new HashMap<>();
        private SortedDocValues sections;
        private long[] perOrd;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            sections = DocValues.getSorted(context.reader(), Fields.SECTION);
            perOrd = new long[sections.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (sections.advanceExact(doc)) {
                perOrd[sections.ordValue()]++;
            }
        }

        @Override
        public void finish() throws IOException {
            flush();
        }

        private void flush() throws IOException {
            if (perOrd == null) {
                return;
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    counts.merge(sections.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
                }
            }
            perOrd = null;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
