package dev.newsroom.article.desk;

/** Who asks: an editor (named by the token's subject), or anyone else, who sees published stories only. */
public record Editor(String subject, boolean editor) {
    /** Any caller without the editor role: an anonymous reader, a moderator, another service. */
    public static final Editor PUBLIC = new Editor("", false);

    public static final Editor SCHEDULER = new Editor("scheduler", true);
}
