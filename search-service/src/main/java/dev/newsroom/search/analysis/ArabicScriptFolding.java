package dev.newsroom.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;

/**
 * A Latin-script language's analysis, with Arabic-script words in its text folded the way the
 * Persian and Arabic analysis folds them (yeh and kaf forms, heh and alef forms, kashida and
 * diacritics, Persian and Arabic-Indic digits): a Persian name in an English story is found by
 * the same name typed with either keyboard. The filters touch Arabic-script letters and
 * non-ASCII digits only, so the language's own analysis of Latin text is unchanged.
 */
final class ArabicScriptFolding extends AnalyzerWrapper {
    private final Analyzer language;

    ArabicScriptFolding(Analyzer language) {
        super(language.getReuseStrategy());
        this.language = language;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return language;
    }

    @Override
    protected TokenStreamComponents wrapComponents(
            String fieldName, TokenStreamComponents components) {
        TokenStream stream = new DecimalDigitFilter(components.getTokenStream());
        stream = new ArabicNormalizationFilter(stream);
        stream = new PersianNormalizationFilter(stream);
        return new TokenStreamComponents(components.getSource(), stream);
    }

    @Override
    protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
        return new PersianNormalizationFilter(
                new ArabicNormalizationFilter(new DecimalDigitFilter(in)));
    }

    @Override
    public void close() {
        language.close();
        super.close();
    }
}
