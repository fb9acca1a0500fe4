package dev.newsroom.search.analysis;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The analyzer of every field, picked by its name: text fields end in their language
 * ({@code body_fa}, {@code headline_en}, see {@link Fields}), and {@code suggest} holds
 * word prefixes. The index and the query side differ only where a token graph or prefixes
 * are involved, so the same instance kind is used by the service, its tests and the bench.
 */
public final class Analyzers extends DelegatingAnalyzerWrapper {
    private static final int SUGGEST_MAX_PREFIX = 20;

    private final Map<String, Analyzer> byLanguage = new HashMap<>();
    private final Analyzer suggest;

    private Analyzers(boolean forIndex, Map<String, SynonymMap> synonyms) {
        super(PER_FIELD_REUSE_STRATEGY);
        byLanguage.put(Languages.PERSIAN, new PersianAnalyzer(forIndex));
        byLanguage.put(Languages.ARABIC, new ArabicAnalyzer());
        byLanguage.put(Languages.ENGLISH, new ArabicScriptFolding(new EnglishAnalyzer()));
        byLanguage.put(Languages.TURKISH, new ArabicScriptFolding(new TurkishAnalyzer()));
        byLanguage.put(
                Languages.STANDARD,
                new ArabicScriptFolding(new StandardAnalyzer(CharArraySet.EMPTY_SET)));
        synonyms.forEach(
                (language, map) ->
                        byLanguage.computeIfPresent(
                                language, (l, analyzer) -> new WithSynonyms(analyzer, map)));
        suggest = new SuggestAnalyzer(forIndex);
    }

    /** Analyzers for documents being indexed. */
    public static Analyzers forIndex() {
        return new Analyzers(true, Map.of());
    }

    /** Analyzers for query text. */
    public static Analyzers forQuery() {
        return new Analyzers(false, Map.of());
    }

    /** Analyzers for query text, with these synonyms per language ({@link Synonyms}). */
    public static Analyzers forQuery(Map<String, SynonymMap> synonyms) {
        return new Analyzers(false, synonyms);
    }

    public Analyzer language(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(Languages.STANDARD));
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        if (Fields.SUGGEST.equals(fieldName) || Fields.SPELL.equals(fieldName)) {
            return suggest;
        }
        return language(Fields.languageOf(fieldName));
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        suggest.close();
        super.close();
    }

    /**
     * Headline words for type-ahead: normalised like the text (letter forms, digits, no
     * stemming); at index time every word also gives its prefixes.
     */
    private static final class SuggestAnalyzer extends Analyzer {
        // also the words "did you mean" picks from (Fields.SPELL): whole words, never prefixes
        private static final Pattern ZWNJ = Pattern.compile("\u200C");
        private final boolean forIndex;

        SuggestAnalyzer(boolean forIndex) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.forIndex = forIndex;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            // "می‌روم" and "میروم" suggest alike
            return new PatternReplaceCharFilter(ZWNJ, "", reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new DecimalDigitFilter(stream);
            stream = new ArabicNormalizationFilter(stream);
            stream = new PersianNormalizationFilter(stream);
            if (forIndex && Fields.SUGGEST.equals(fieldName)) {
                stream = new EdgeNGramTokenFilter(stream, 1, SUGGEST_MAX_PREFIX, true);
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
