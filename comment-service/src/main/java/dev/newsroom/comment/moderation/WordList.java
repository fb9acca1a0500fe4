package dev.newsroom.comment.moderation;

import java.util.List;
import java.util.Optional;

/**
 * Words and phrases matched on word boundaries after {@link WordNormalizer} folding:
 * "spam" matches "SPAM!" but not "spammer"; a phrase matches its words in sequence.
 */
public final class WordList {
    private final List<Entry> entries;

    private record Entry(String original, String padded) {}

    public WordList(List<String> words) {
        this.entries =
                words.stream()
                        .filter(w -> w != null && !w.isBlank())
                        .map(w -> new Entry(w.strip(), padded(WordNormalizer.tokens(w))))
                        .filter(e -> e.padded().length() > 2)
                        .toList();
    }

    /** The first entry found in any of the texts. */
    public Optional<String> firstMatch(String... texts) {
        for (String text : texts) {
            String padded = padded(WordNormalizer.tokens(text));
            for (Entry e : entries) {
                if (padded.contains(e.padded())) {
                    return Optional.of(e.original());
                }
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static String padded(List<String> tokens) {
        return " " + String.join(" ", tokens) + " ";
    }
}
