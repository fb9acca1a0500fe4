package dev.newsroom.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** A language's query analysis with its synonyms added as a token graph at the end (see {@link Synonyms}). */
final class WithSynonyms extends AnalyzerWrapper {
    private final Analyzer language;
    private final SynonymMap synonyms;

    WithSynonyms(Analyzer language, SynonymMap synonyms) {
        super(language.getReuseStrategy());
        this.language = language;
        this.synonyms = synonyms;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return language;
    }

    @Override
    protected TokenStreamComponents wrapComponents(
            String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
                components.getSource(),
                new SynonymGraphFilter(components.getTokenStream(), synonyms, true));
    }

    @Override
    public void close() {
        language.close();
        super.close();
    }
}
