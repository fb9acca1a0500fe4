package dev.newsroom.comment.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for word matching, so a word list entry matches however a reader types it:
 * NFKD without diacritics (Latin accents, Arabic harakat, tatweel), Arabic letters to their
 * Persian forms (ي ى → ی, ك → ک, ة → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ی), ZWNJ as a word break (so
 * "نفرت‌انگیز" and "نفرت انگیز" are the same words), ZWJ removed, Persian and Arabic digits
 * to ASCII, lower case. {@link #tokens} splits on everything that is not a letter or digit.
 */
public final class WordNormalizer {
    private WordNormalizer() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed
                .codePoints()
                .forEach(
                        cp -> {
                            int type = Character.getType(cp);
                            if (type == Character.NON_SPACING_MARK
                                    || type == Character.ENCLOSING_MARK
                                    || cp == 0x0640
                                    || cp == 0x200D
                                    || cp == 0x00AD) {
                                return; // diacritics, tatweel, ZWJ, soft hyphen
                            }
                            if (cp == 0x200C) {
                                out.append(
                                        ' '); // ZWNJ: the half-space between the parts of a Persian
                                // compound
                                return;
                            }
                            out.appendCodePoint(letter(cp));
                        });
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text, in order. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints()
                .forEach(
                        cp -> {
                            if (Character.isLetterOrDigit(cp)) {
                                word.appendCodePoint(cp);
                            } else if (!word.isEmpty()) {
                                tokens.add(word.toString());
                                word.setLength(0);
                            }
                        });
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static int letter(int cp) {
        return switch (cp) {
            case 0x064A, 0x0649, 0x0626 -> 0x06CC; // ي ى ئ → ی
            case 0x0643 -> 0x06A9; // ك → ک
            case 0x0629, 0x06C0 -> 0x0647; // ة ۀ → ه
            case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627; // أ إ آ ٱ → ا
            case 0x0624 -> 0x0648; // ؤ → و
            default -> digit(cp);
        };
    }

    private static int digit(int cp) {
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0); // Persian digits
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660); // Arabic-Indic digits
        }
        return cp;
    }
}
