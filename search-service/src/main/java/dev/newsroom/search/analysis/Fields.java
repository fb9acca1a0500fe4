package dev.newsroom.search.analysis;

/** Names of the index fields. Text fields carry their analysis language as a suffix. */
public final class Fields {
    public static final String ID = "id";
    /** The News ID as doc values: the tie-break of every sort and of paging. */
    public static final String ID_SORT = "id_sort";
    public static final String VERSION = "version";
    public static final String SLUG = "slug";
    /** The story's primary language subtag (filter) and, stored, its full tag. */
    public static final String LANGUAGE = "language";
    /** Stored: the analysis language, i.e. the suffix of this story's text fields. */
    public static final String ANALYSIS = "analysis";
    public static final String SECTION = "section";
    public static final String AUTHOR = "author";
    public static final String PUBLISH_TIME = "publish_time";
    public static final String SUGGEST = "suggest";
    public static final String HEADLINE = "headline";
    public static final String LEAD = "lead";
    public static final String BODY = "body";

    private Fields() {
    }

    /** The text field of {@code part} (headline, lead, body) for {@code language}. */
    public static String text(String part, String language) {
        return part + "_" + language;
    }

    /** The language suffix of a text field name; STANDARD for other names. */
    static String languageOf(String field) {
        int underscore = field.lastIndexOf('_');
        return underscore < 0 ? Languages.STANDARD : field.substring(underscore + 1);
    }
}
