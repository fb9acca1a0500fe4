package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationMode;
import java.util.Optional;

/** Step 6, the last: the story's mode decides (PRE → PENDING, POST → APPROVED). */
public final class StoryMode implements ModerationStep {
    @Override
    public Optional<Decision> apply(Review review) {
        ModerationMode mode = review.story().settings().mode();
        return Optional.of(
                mode == ModerationMode.POST
                        ? new Decision(CommentStatus.APPROVED, "post-moderation")
                        : new Decision(CommentStatus.PENDING, "pre-moderation"));
    }
}
