package dev.newsroom.comment.ratelimit;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.readpath.ReadPathKeys;
import java.time.Duration;

/** The limits on posting: one bucket per client fingerprint, one per story. */
public final class PostLimits {
    private final RateLimiter limiter;
    private final Bucket perClient;
    private final Bucket perStory;

    public PostLimits(RateLimiter limiter, Bucket perClient, Bucket perStory) {
        this.limiter = limiter;
        this.perClient = perClient;
        this.perStory = perStory;
    }

    /** Takes a token for the client and one for the story, or throws RateLimited. */
    public void admit(String clientHash, long articleId) {
        Duration wait = limiter.acquire(ReadPathKeys.commentRateOfClient(clientHash), perClient);
        if (!wait.isZero()) {
            throw new CommentException.RateLimited(
                    "too many comments from you; try again later", wait);
        }
        wait = limiter.acquire(ReadPathKeys.commentRateOfStory(articleId), perStory);
        if (!wait.isZero()) {
            throw new CommentException.RateLimited(
                    "too many comments on this story right now; try again later", wait);
        }
    }
}
