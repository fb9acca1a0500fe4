package dev.newsroom.comment.board;

/** A comment as a reader sent it, before cleaning, with the client fingerprint it came from. */
public record NewComment(
        long articleId,
        long parentId,
        String authorName,
        String email,
        String body,
        String clientHash) {}
