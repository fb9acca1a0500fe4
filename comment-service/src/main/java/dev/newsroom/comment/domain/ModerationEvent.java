package dev.newsroom.comment.domain;

import java.time.Instant;

/** One line of a comment's moderation history: who did what, why, and when. */
public record ModerationEvent(
        long commentId,
        String action,
        String actor,
        String reason,
        CommentStatus status,
        Instant time) {
    /** The actor of the automatic checks when a comment is posted. */
    public static final String PIPELINE = "pipeline";
}
