package dev.newsroom.comment.domain;

/** Where a comment stands: only APPROVED comments are shown to readers and counted. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SPAM
}
