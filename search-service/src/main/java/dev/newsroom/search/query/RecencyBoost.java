package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Score multiplier favouring recent stories: {@code 1 + weight * halfLife / (halfLife + age)},
 * so a story published now counts up to {@code 1 + weight} times, one a half-life old
 * {@code 1 + weight/2} times, and old stories tend to 1 (never below relevance alone).
 */
final class RecencyBoost extends DoubleValuesSource {
    private final long nowMillis;
    private final double halfLifeMillis;
    private final double weight;

    RecencyBoost(long nowMillis, Duration halfLife, double weight) {
        this.nowMillis = nowMillis;
        this.halfLifeMillis = Math.max(1, halfLife.toMillis());
        this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), Fields.PUBLISH_TIME);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double age =
                        published.advanceExact(doc)
                                ? Math.max(0, nowMillis - published.longValue())
                                : Double.MAX_VALUE;
                value = 1 + weight * halfLifeMillis / (halfLifeMillis + age);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nowMillis, halfLifeMillis, weight);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r
                && r.nowMillis == nowMillis
                && r.halfLifeMillis == halfLifeMillis
                && r.weight == weight;
    }

    @Override
    public String toString() {
        return "recency(halfLife=" + halfLifeMillis + "ms, weight=" + weight + ")";
    }
}
