package dev.newsroom.comment.domain;

import java.text.Normalizer;

/**
 * Cleans reader input into safe plain text: line breaks unified, control characters and
 * bidi embedding/override/isolate characters (U+202A–202E, U+2066–2069) removed, Unicode
 * NFC. The text is never HTML: {@code <script>} stays the literal text a client escapes.
 *
 * <p>Every method is one linear pass (no backtracking regular expression): the input is
 * reader-controlled, and its length is checked against the request budget before it gets
 * here (docs/security.md, "Budgets").
 */
public final class PlainText {
    private PlainText() {}

    /**
     * A multi-line text (a comment body): paragraphs kept, at most one blank line between
     * them, no spaces or tabs before a line break, no white space around the whole.
     */
    public static String body(String raw) {
        String text = raw == null ? "" : raw;
        StringBuilder out = new StringBuilder(text.length());
        int spaces = 0; // spaces and tabs not written yet: dropped when a line break follows
        int newlines = 0; // line breaks not written yet: at most two are
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
                cp = '\n';
            }
            if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0085) {
                spaces = 0;
                newlines++;
            } else if (cp == ' ' || cp == '\t') {
                spaces++;
            } else if (!isUnsafe(cp)) {
                append(out, '\n', Math.min(newlines, 2));
                append(out, ' ', spaces);
                out.appendCodePoint(cp);
                newlines = 0;
                spaces = 0;
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).strip();
    }

    private static void append(StringBuilder out, char c, int times) {
        for (int n = 0; n < times; n++) {
            out.append(c);
        }
    }

    /** A single-line text (an author name): every run of white space becomes one space. */
    public static String line(String raw) {
        return Normalizer.normalize(stripUnsafe(raw == null ? "" : raw), Normalizer.Form.NFC)
                .strip();
    }

    /** Length as a reader counts it: in code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Unsafe characters removed; line breaks, tabs and spaces as single spaces between words. */
    private static String stripUnsafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '\n' || cp == '\t') {
                space = true;
            } else if (!isUnsafe(cp)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    static boolean isUnsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL // C0, DEL, C1 (NUL included)
                || (cp >= 0x202A && cp <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (cp >= 0x2066 && cp <= 0x2069) // LRI, RLI, FSI, PDI
                || cp == 0xFEFF // byte order mark
                || (cp >= 0xFFF9 && cp <= 0xFFFB) // interlinear annotation
                || Character.getType(cp) == Character.SURROGATE // a lone half of a pair
                || (cp & 0xFFFE) == 0xFFFE // non-characters U+xxFFFE/F
                || (cp >= 0xE0000 && cp <= 0xE007F); // invisible tag characters
    }
}
