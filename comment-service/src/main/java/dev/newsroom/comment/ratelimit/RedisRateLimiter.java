package dev.newsroom.comment.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis, shared by every replica: one Lua script reads, refills and takes
 * atomically, on Redis's own clock. When Redis fails, the local limiter answers, and Redis is
 * left alone for {@code pauseAfterFailure} so a dead server costs no time per post.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String SCRIPT = """
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

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final RateLimiter fallback;
    private final long pauseMillis;
    private final LongSupplier clockMillis;
    private final AtomicLong pausedUntil = new AtomicLong();

    public RedisRateLimiter(UnifiedJedis redis, String keyPrefix, RateLimiter fallback, Duration pauseAfterFailure,
            LongSupplier clockMillis) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.fallback = fallback;
        this.pauseMillis = pauseAfterFailure.toMillis();
        this.clockMillis = clockMillis;
    }

    @Override
    public Duration acquire(String key, Bucket bucket) {
        if (clockMillis.getAsLong() < pausedUntil.get()) {
            return fallback.acquire(key, bucket);
        }
        try {
            Object wait = redis.eval(SCRIPT, List.of(keyPrefix + key), List.of(
                    String.valueOf(bucket.burst()), String.valueOf(bucket.tokensPerMilli()),
                    String.valueOf(bucket.fullAfterMillis() + 1000)));
            return Duration.ofMillis(((Number) wait).longValue());
        } catch (JedisException e) {
            pausedUntil.set(clockMillis.getAsLong() + pauseMillis);
            LOG.warn("Redis rate limiting failed ({}); local limits for the next {} ms", e.toString(), pauseMillis);
            return fallback.acquire(key, bucket);
        }
    }
}
