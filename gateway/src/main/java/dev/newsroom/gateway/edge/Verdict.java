package dev.newsroom.gateway.edge;

import java.time.Duration;

/**
 * One bucket's answer: allowed or not, the whole tokens left, and how long until the next
 * token (when refused) and until the bucket is full again.
 */
public record Verdict(boolean allowed, long remaining, Duration retryAfter, Duration untilFull) {

    /** The stricter of two answers (the in-process bucket and the shared one). */
    Verdict and(Verdict other) {
        if (other == null) {
            return this;
        }
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        return new Verdict(
                allowed,
                Math.min(remaining, other.remaining),
                max(retryAfter, other.retryAfter),
                max(untilFull, other.untilFull));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
