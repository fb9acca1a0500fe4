package dev.newsroom.comment.ratelimit;

import java.time.Duration;

/** Takes one token from a bucket. */
public interface RateLimiter {
    /** {@link Duration#ZERO} when the token was taken; otherwise how long until one is free. */
    Duration acquire(String key, Bucket bucket);
}
