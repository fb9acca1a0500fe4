package dev.newsroom.comment.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.testing.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Token buckets in the real Redis, and the in-memory limit when Redis is gone. */
class RedisRateLimiterTest {

    private static GuardedRedis guarded(String url) {
        return new GuardedRedis(
                "comment-test",
                new GuardedRedis.Settings(
                        URI.create(url), Duration.ofMillis(200), 4, Duration.ofSeconds(5)));
    }

    @Test
    void takesTheBurstThenRefusesWithAWaitAcrossLimiterInstances() {
        try (GuardedRedis redis = guarded(TestRedis.url())) {
            String key = ReadPathKeys.commentRateOfClient(TestRedis.freshPrefix() + "k");
            RateLimiter local = new LocalRateLimiter(100, System::currentTimeMillis);
            RedisRateLimiter one = new RedisRateLimiter(redis, local);
            RedisRateLimiter two = new RedisRateLimiter(redis, local);
            Bucket bucket = new Bucket(4, 2);
            assertThat(one.acquire(key, bucket)).isZero();
            assertThat(two.acquire(key, bucket)).isZero();
            assertThat(one.acquire(key, bucket)).isZero();
            assertThat(two.acquire(key, bucket)).isZero();
            Duration wait = one.acquire(key, bucket);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(redis.unguarded().pttl(key)).isPositive();
        }
    }

    @Test
    void withoutRedisTheLocalLimitApplies() {
        AtomicInteger fallbackCalls = new AtomicInteger();
        LocalRateLimiter local = new LocalRateLimiter(100, System::currentTimeMillis);
        RateLimiter counting =
                (key, bucket) -> {
                    fallbackCalls.incrementAndGet();
                    return local.acquire(key, bucket);
                };
        try (GuardedRedis dead = guarded("redis://127.0.0.1:1")) {
            RedisRateLimiter limiter = new RedisRateLimiter(dead, counting);
            Bucket two = new Bucket(2, 1);
            assertThat(limiter.acquire("k", two)).isZero();
            assertThat(limiter.acquire("k", two)).isZero();
            assertThat(limiter.acquire("k", two)).isPositive();
            assertThat(fallbackCalls).hasValue(3);
        }
    }
}
