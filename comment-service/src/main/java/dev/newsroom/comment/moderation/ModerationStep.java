package dev.newsroom.comment.moderation;

import java.util.Optional;

/**
 * One step of the pipeline. A step either throws (the post is refused: a CommentException),
 * decides the comment's status (the pipeline stops there), or passes (empty).
 */
@FunctionalInterface
public interface ModerationStep {
    Optional<Decision> apply(Review review);
}
