package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentStatus;
import java.util.Optional;

/** Step 4: a banned word in the body or the author name → REJECTED. */
public final class BannedWords implements ModerationStep {
    private final WordList banned;

    public BannedWords(WordList banned) {
        this.banned = banned;
    }

    @Override
    public Optional<Decision> apply(Review review) {
        Submission s = review.submission();
        return banned.firstMatch(s.body(), s.authorName())
                .map(word -> new Decision(CommentStatus.REJECTED, "banned word"));
    }
}
