package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentStatus;

/** What the pipeline decided for a comment, and the rule that decided it. */
public record Decision(CommentStatus status, String reason) {}
