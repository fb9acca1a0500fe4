package dev.newsroom.comment.ratelimit;

import dev.newsroom.readpath.GuardedRedis;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every replica: one Lua script reads, refills and takes
 * atomically, on Redis's own clock. When Redis fails, the local limiter answers; after
 * repeated failures the guarded client's circuit breaker leaves Redis alone for a while, so a
 * dead server costs no time per post.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final String SCRIPT =
            """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local burst = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return wait
            """;

    private final GuardedRedis redis;
    private final RateLimiter fallback;

    public RedisRateLimiter(GuardedRedis redis, RateLimiter fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    /** {@code key}: the bucket's Redis key (ReadPathKeys). */
    @Override
    public Duration acquire(String key, Bucket bucket) {
        return redis.call(
                        jedis ->
                                jedis.eval(
                                        SCRIPT,
                                        List.of(key),
                                        List.of(
                                                String.valueOf(bucket.burst()),
                                                String.valueOf(bucket.tokensPerMilli()),
                                                String.valueOf(bucket.fullAfterMillis() + 1000))))
                .map(wait -> Duration.ofMillis(((Number) wait).longValue()))
                .orElseGet(() -> fallback.acquire(key, bucket));
    }
}
