package dev.newsroom.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Persian, built from Lucene's Persian pieces, with one change to ZWNJ (U+200C).
 *
 * <p>Lucene's {@code PersianAnalyzer} turns ZWNJ into a space, so "می‌روم" never matches the
 * same word typed without it ("میروم"). Here the tokenizer keeps a ZWNJ word whole and a
 * word-delimiter step emits both the joined word and its parts; at index time the graph is
 * flattened, at query time the query builder searches "joined OR the parts as a phrase".
 * So the ZWNJ, no-separator and space spellings all find each other.
 *
 * <p>Arabic and Persian normalisation make ي/ی and ك/ک (and heh, alef and hamza forms) one
 * letter; Persian and Arabic-Indic digits become ASCII digits.
 */
public final class PersianAnalyzer extends Analyzer {
    static final char ZWNJ = '\u200C';
    private static final int ZWNJ_SPLIT =
            WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                    | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                    | WordDelimiterGraphFilter.CATENATE_ALL;

    private final boolean forIndex;
    private final CharArraySet stopwords =
            org.apache.lucene.analysis.fa.PersianAnalyzer.getDefaultStopSet();

    /** @param forIndex flatten the ZWNJ graph for the index; keep it for queries */
    public PersianAnalyzer(boolean forIndex) {
        this.forIndex = forIndex;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new DecimalDigitFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new PersianNormalizationFilter(stream);
        stream = new ZwnjWords(stream);
        stream = new StopFilter(stream, stopwords);
        stream = new PersianStemFilter(stream);
        if (forIndex) {
            stream = new FlattenGraphFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream stream = new LowerCaseFilter(in);
        stream = new DecimalDigitFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        return new PersianNormalizationFilter(stream);
    }

    /** Splits (and joins) only the words that contain a ZWNJ; every other word passes untouched. */
    private static final class ZwnjWords extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ZwnjWords(TokenStream input) {
            super(input, in -> new WordDelimiterGraphFilter(in, ZWNJ_SPLIT, null));
        }

        @Override
        protected boolean shouldFilter() {
            char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buffer[i] == ZWNJ) {
                    return true;
                }
            }
            return false;
        }
    }
}
