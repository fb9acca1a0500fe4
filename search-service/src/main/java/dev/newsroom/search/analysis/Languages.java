package dev.newsroom.search.analysis;

import java.lang.Character.UnicodeScript;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The analysis languages: a story's BCP 47 tag picks one of them, and a query without a
 * language filter is analysed for the script it is written in.
 */
public final class Languages {
    public static final String PERSIAN = "fa";
    public static final String ARABIC = "ar";
    public static final String ENGLISH = "en";
    public static final String TURKISH = "tr";

    /** Anything else: standard tokenisation and lower-casing, no stemming. */
    public static final String STANDARD = "std";

    public static final List<String> ALL = List.of(PERSIAN, ARABIC, ENGLISH, TURKISH, STANDARD);

    private Languages() {}

    /** The primary subtag of a BCP 47 tag, lower-cased: what the language filter compares. */
    public static String primary(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    }

    /** The analysis language of a BCP 47 tag: its primary subtag when we have one, else STANDARD. */
    public static String of(String tag) {
        if (tag == null || tag.isBlank()) {
            return STANDARD;
        }
        String primary = primary(tag);
        return ALL.contains(primary) ? primary : STANDARD;
    }

    /**
     * The languages a query is searched in when the caller names none: by the scripts its
     * letters are written in (Arabic script: fa and ar; Latin: en and tr), always with the
     * standard fallback; text without letters is searched in every language.
     */
    public static Set<String> forScriptOf(String text) {
        Set<String> languages = new LinkedHashSet<>();
        text.codePoints()
                .filter(Character::isLetter)
                .forEach(
                        cp -> {
                            UnicodeScript script = UnicodeScript.of(cp);
                            if (script == UnicodeScript.ARABIC) {
                                languages.add(PERSIAN);
                                languages.add(ARABIC);
                            } else if (script == UnicodeScript.LATIN) {
                                languages.add(ENGLISH);
                                languages.add(TURKISH);
                            }
                        });
        if (languages.isEmpty() && text.codePoints().noneMatch(Character::isLetter)) {
            languages.addAll(ALL);
        }
        languages.add(STANDARD);
        return languages;
    }
}
