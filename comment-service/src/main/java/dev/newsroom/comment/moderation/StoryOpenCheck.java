package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentException;
import java.util.Optional;

/**
 * Step 2: the story exists, is published, and takes comments. A story seen published that
 * is no longer (withdrawn or unpublished) is FAILED_PRECONDITION, one never seen NOT_FOUND.
 */
public final class StoryOpenCheck implements ModerationStep {
    @Override
    public Optional<Decision> apply(Review review) {
        StoryState story = review.story();
        if (!story.published() && story.noLongerPublished()) {
            throw new CommentException.Closed(
                    "story " + review.submission().articleId() + " is no longer published");
        }
        if (!story.published()) {
            throw new CommentException.NotFound(
                    "no published story " + review.submission().articleId());
        }
        if (!story.settings().commentsOpen()) {
            throw new CommentException.Closed("comments on this story are closed");
        }
        return Optional.empty();
    }
}
