package dev.newsroom.comment.moderation;

/**
 * A comment as posted, after cleaning ({@code body} and {@code authorName} are plain text,
 * see PlainText), with the client fingerprint it came from.
 */
public record Submission(
        long articleId,
        long parentId,
        String authorName,
        String email,
        String body,
        String clientHash) {}
