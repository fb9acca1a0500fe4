package dev.newsroom.comment.domain;

/** A story's comment settings: open or closed, and how comments are moderated. */
public record CommentSettings(long articleId, boolean commentsOpen, ModerationMode mode) {}
