package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.analysis.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * How large a query may grow, checked while it is built, so no text a reader types reaches
 * Lucene's clause limit ({@link IndexSearcher#getMaxClauseCount()}, 1024) or costs more than
 * a long question. A typed word can analyse to many tokens ("a,b,c,…" is one word to the
 * parser and hundreds to the tokenizer): each word or phrase keeps its first
 * {@link #MAX_TOKENS_PER_TERM} tokens.
 */
final class QueryBounds {
    /** Leaf clauses (terms, phrases) of the positive part of a query, over all languages. */
    static final int MAX_LEAVES = 768;

    /** Leaf clauses of the -excluded part. */
    static final int MAX_EXCLUDED_LEAVES = 128;

    /** Tokens one typed word or "phrase" may analyse to. */
    static final int MAX_TOKENS_PER_TERM = 16;

    private final Analyzers analyzers;

    QueryBounds(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** {@code text} up to the end of its {@link #MAX_TOKENS_PER_TERM}th token in this language's analysis. */
    String cut(String text, String language) {
        try (TokenStream ts = analyzers.tokenStream(Fields.text(Fields.BODY, language), text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment =
                    ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int tokens = 0;
            while (ts.incrementToken()) {
                if (increment.getPositionIncrement() > 0 && ++tokens > MAX_TOKENS_PER_TERM) {
                    return text.substring(0, Math.min(text.length(), offset.startOffset()));
                }
            }
            ts.end();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaf clauses of {@code query} as Lucene counts them against its clause limit. */
    static int leaves(Query query) {
        int[] count = {0};
        query.visit(
                new QueryVisitor() {
                    @Override
                    public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                        return this;
                    }

                    @Override
                    public void visitLeaf(Query q) {
                        count[0]++;
                    }

                    @Override
                    public void consumeTerms(Query q, Term... terms) {
                        count[0]++;
                    }

                    @Override
                    public void consumeTermsMatching(
                            Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                        count[0]++;
                    }
                });
        return count[0];
    }
}
