package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Step 3: the same client posting the same text (after folding: case, spacing and Persian
 * spelling variants do not make it new) within the window is refused as a duplicate.
 */
public final class RepeatCheck implements ModerationStep {
    private final RecentPosts recent;
    private final Duration window;
    private final Clock clock;

    public RepeatCheck(RecentPosts recent, Duration window, Clock clock) {
        this.recent = recent;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Optional<Decision> apply(Review review) {
        Submission s = review.submission();
        if (recent.postedSince(s.clientHash(), textKey(s.body()), clock.instant().minus(window))) {
            throw new CommentException.Duplicate("you posted this comment a moment ago");
        }
        return Optional.empty();
    }

    /** What "the same text" means: SHA-256 of the folded words. */
    public static String textKey(String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha.digest(
                            String.join(" ", WordNormalizer.tokens(body))
                                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
