package dev.newsroom.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Query synonyms per language, from {@code <language>.txt} files in Solr's synonym format in a
 * directory the operator edits ({@code newsroom.search.synonyms}; {@code classpath:synonyms}
 * holds the shipped examples). The rules are analysed by the language's own index analysis,
 * so they match what the text was indexed as; they apply to queries only.
 */
public final class Synonyms {
    private static final String CLASSPATH = "classpath:";

    private Synonyms() {}

    /** The synonym map of each language that has a file at {@code location}; none for an empty location. */
    public static Map<String, SynonymMap> load(String location) {
        Map<String, SynonymMap> maps = new HashMap<>();
        if (location == null || location.isBlank()) {
            return maps;
        }
        try (Analyzers index = Analyzers.forIndex()) {
            for (String language : Languages.ALL) {
                String name = language + ".txt";
                try (Reader rules = open(location, name)) {
                    if (rules != null) {
                        maps.put(language, parse(rules, index.language(language)));
                    }
                } catch (IOException | ParseException e) {
                    throw new IllegalStateException(
                            "cannot read the synonyms "
                                    + location
                                    + "/"
                                    + name
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        return maps;
    }

    private static SynonymMap parse(Reader rules, Analyzer analyzer)
            throws IOException, ParseException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        parser.parse(rules);
        return parser.build();
    }

    private static Reader open(String location, String name) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource =
                    "/"
                            + location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "")
                            + "/"
                            + name;
            InputStream in = Synonyms.class.getResourceAsStream(resource);
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path file = Path.of(location, name);
        try {
            return Files.isRegularFile(file)
                    ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
