package dev.newsroom.article.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL names for stories. Letters and digits of every script are kept as they are (a Persian
 * headline gives a Persian slug, never a transliteration); everything else becomes one hyphen.
 */
public final class Slugs {
    /** Longest slug we make from a headline, in code points. */
    public static final int MAX_GENERATED = 80;

    /** Longest slug we accept from an editor or a URL. */
    public static final int MAX_LENGTH = 160;

    private static final Pattern VALID =
            Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+(?:-[\\p{L}\\p{M}\\p{Nd}]+)*");

    private Slugs() {}

    /** The slug for a headline, or "" when the headline has no letter or digit. */
    public static String fromHeadline(String headline) {
        String text = Normalizer.normalize(headline, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        int count = 0;
        boolean pendingHyphen = false;
        for (int i = 0; i < text.length() && count < MAX_GENERATED; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean keep =
                    Character.isLetter(cp)
                            || type == Character.DECIMAL_DIGIT_NUMBER
                            || (slug.length() > 0
                                    && (type == Character.NON_SPACING_MARK
                                            || type == Character.COMBINING_SPACING_MARK));
            if (!keep) {
                pendingHyphen = slug.length() > 0;
                continue;
            }
            if (pendingHyphen) {
                if (count + 2 > MAX_GENERATED) {
                    break;
                }
                slug.append('-');
                count++;
                pendingHyphen = false;
            }
            slug.appendCodePoint(cp);
            count++;
        }
        return trimTrailingHyphen(slug);
    }

    public static boolean isValid(String slug) {
        return slug != null
                && !slug.isEmpty()
                && slug.codePointCount(0, slug.length()) <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    private static String trimTrailingHyphen(StringBuilder slug) {
        int end = slug.length();
        while (end > 0 && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(0, end);
    }
}
