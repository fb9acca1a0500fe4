package dev.newsroom.search.query;

import dev.newsroom.search.analysis.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words that say how a question is asked rather than what it is about ("what are the …",
 * "how does …"), left out of queries of {@link #MIN_WORDS} words or more, per language
 * ({@code analysis/<language>-query-stopwords.txt}). The Persian and Arabic analysis already
 * drops such words (their stop lists are long); English's is 33 words and keeps "what", "how",
 * "which". A shorter query keeps all its words: "who" or "can" alone may be what is meant.
 */
final class QueryStopWords {
    static final int MIN_WORDS = 3;

    /** What the tokenizer would cut off a typed word anyway ("what," and "how?"). */
    private static final Pattern EDGES = Pattern.compile("^\\P{L}+|\\P{L}+$");

    private static final Map<String, Set<String>> BY_LANGUAGE =
            Map.of(Languages.ENGLISH, load("en"));

    private QueryStopWords() {}

    /** The groups that say what the query is about: every group of a short query; never none. */
    static List<QueryText.Group> content(List<QueryText.Group> groups, String language) {
        Set<String> stop = BY_LANGUAGE.get(language);
        if (stop == null || groups.size() < MIN_WORDS) {
            return groups;
        }
        List<QueryText.Group> content = groups.stream().filter(g -> !isStopWord(g, stop)).toList();
        return content.isEmpty() ? groups : content;
    }

    private static boolean isStopWord(QueryText.Group group, Set<String> stop) {
        return group.alternatives().stream()
                .allMatch(
                        t ->
                                !t.phrase()
                                        && stop.contains(
                                                EDGES.matcher(t.text().toLowerCase(Locale.ROOT))
                                                        .replaceAll("")));
    }

    private static Set<String> load(String language) {
        String name = "/analysis/" + language + "-query-stopwords.txt";
        Set<String> words = new HashSet<>();
        try (InputStream in = QueryStopWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#")) {
                    words.addAll(List.of(line.strip().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.remove("");
        return Set.copyOf(words);
    }
}
