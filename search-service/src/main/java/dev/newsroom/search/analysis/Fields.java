package dev.newsroom.search.analysis;

/** Names of the index fields. Text fields carry their analysis language as a suffix. */
public final class Fields {
    public static final String ID = "id";

    /** The News ID as doc values: the tie-break of every sort and of paging. */
    public static final String ID_SORT = "id_sort";

    public static final String VERSION = "version";
    public static final String SLUG = "slug";

    /** The story's primary language subtag (filter; schema 1 indexes also stored the full tag). */
    public static final String LANGUAGE = "language";

    /** The analysis language, i.e. the suffix of this story's text fields (stored in schema 1 indexes only). */
    public static final String ANALYSIS = "analysis";

    public static final String SECTION = "section";
    public static final String AUTHOR = "author";
    public static final String PUBLISH_TIME = "publish_time";
    public static final String SUGGEST = "suggest";

    /** Every word of a story as written (normalised, not stemmed): what "did you mean" may suggest. */
    public static final String SPELL = "spell";

    /** Binary doc value: the story's {@code StoryCard} (what a hit shows, and the text highlights are cut from). */
    public static final String CARD = "card";

    public static final String HEADLINE = "headline";
    public static final String LEAD = "lead";
    public static final String BODY = "body";

    private Fields() {}

    /** The text field of {@code part} (headline, lead, body) for {@code language}. */
    public static String text(String part, String language) {
        return part + "_" + language;
    }

    /** The part (headline, lead, body) of a text field name. */
    public static String partOf(String field) {
        int underscore = field.lastIndexOf('_');
        return underscore < 0 ? field : field.substring(0, underscore);
    }

    /** The language suffix of a text field name; STANDARD for other names. */
    public static String languageOf(String field) {
        int underscore = field.lastIndexOf('_');
        return underscore < 0 ? Languages.STANDARD : field.substring(underscore + 1);
    }
}
