package dev.newsroom.comment.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets in this process's memory: the limit when Redis cannot be reached (per
 * replica rather than shared, but never no limit). Idle buckets are forgotten.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final Cache<String, State> buckets;
    private final LongSupplier clockMillis;

    private static final class State {
        double tokens;
        long at;

        State(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public LocalRateLimiter(int maxKeys, LongSupplier clockMillis) {
        this.buckets =
                Caffeine.newBuilder()
                        .maximumSize(maxKeys)
                        .expireAfterAccess(Duration.ofMinutes(10))
                        .build();
        this.clockMillis = clockMillis;
    }

    @Override
    public Duration acquire(String key, Bucket bucket) {
        long now = clockMillis.getAsLong();
        State state = buckets.get(key, k -> new State(bucket.burst(), now));
        synchronized (state) {
            double rate = bucket.tokensPerMilli();
            state.tokens =
                    Math.min(bucket.burst(), state.tokens + Math.max(0, now - state.at) * rate);
            state.at = now;
            if (state.tokens >= 1) {
                state.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - state.tokens) / rate));
        }
    }
}
