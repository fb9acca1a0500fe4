package dev.newsroom.article.desk;

/** Who asks: an editor (named by the token's subject) or a reader. */
public record Editor(String subject, boolean editor) {
    public static final Editor READER = new Editor("", false);
    public static final Editor SCHEDULER = new Editor("scheduler", true);
}
