package dev.newsroom.comment.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans reader input into safe plain text: line breaks unified, control characters and
 * bidi embedding/override/isolate characters (U+202A–202E, U+2066–2069) removed, Unicode
 * NFC. The text is never HTML: {@code <script>} stays the literal text a client escapes.
 */
public final class PlainText {
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u2028\u2029\u0085]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** A multi-line text (a comment body): paragraphs kept, at most one blank line between them. */
    public static String body(String raw) {
        String text = LINE_BREAKS.matcher(raw == null ? "" : raw).replaceAll("\n");
        text = Normalizer.normalize(stripUnsafe(text, true), Normalizer.Form.NFC);
        text = TRAILING_SPACE.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /** A single-line text (an author name): every run of white space becomes one space. */
    public static String line(String raw) {
        String text = Normalizer.normalize(stripUnsafe(raw == null ? "" : raw, false), Normalizer.Form.NFC);
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Length as a reader counts it: in code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String stripUnsafe(String text, boolean keepNewlines) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append(keepNewlines ? '\n' : ' ');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!isUnsafe(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static boolean isUnsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL          // C0, DEL, C1 (NUL included)
                || (cp >= 0x202A && cp <= 0x202E)                   // LRE, RLE, PDF, LRO, RLO
                || (cp >= 0x2066 && cp <= 0x2069)                   // LRI, RLI, FSI, PDI
                || cp == 0xFEFF                                     // byte order mark
                || (cp >= 0xFFF9 && cp <= 0xFFFB)                   // interlinear annotation
                || Character.getType(cp) == Character.SURROGATE     // a lone half of a pair
                || (cp & 0xFFFE) == 0xFFFE                          // non-characters U+xxFFFE/F
                || (cp >= 0xE0000 && cp <= 0xE007F);                // invisible tag characters
    }
}
