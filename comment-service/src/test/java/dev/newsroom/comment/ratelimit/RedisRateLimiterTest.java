package dev.newsroom.comment.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.testing.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Token buckets in the real Redis, and the in-memory limit when Redis is gone. */
class RedisRateLimiterTest {

    @Test
    void takesTheBurstThenRefusesWithAWaitAcrossLimiterInstances() {
        try (RedisClient redis = RedisClient.create(URI.create(TestRedis.url()))) {
            String prefix = TestRedis.freshPrefix();
            RateLimiter local = new LocalRateLimiter(100, System::currentTimeMillis);
            RedisRateLimiter one = new RedisRateLimiter(redis, prefix, local, Duration.ofSeconds(5), System::currentTimeMillis);
            RedisRateLimiter two = new RedisRateLimiter(redis, prefix, local, Duration.ofSeconds(5), System::currentTimeMillis);
            Bucket bucket = new Bucket(4, 2);
            assertThat(one.acquire("k", bucket)).isZero();
            assertThat(two.acquire("k", bucket)).isZero();
            assertThat(one.acquire("k", bucket)).isZero();
            assertThat(two.acquire("k", bucket)).isZero();
            Duration wait = one.acquire("k", bucket);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(redis.pttl(prefix + "k")).isPositive();
        }
    }

    @Test
    void withoutRedisTheLocalLimitApplies() {
        RedisClient dead = RedisClient.builder().hostAndPort("127.0.0.1", 1)
                .clientConfig(DefaultJedisClientConfig.builder().connectionTimeoutMillis(100).socketTimeoutMillis(100).build()).build();
        AtomicInteger fallbackCalls = new AtomicInteger();
        LocalRateLimiter local = new LocalRateLimiter(100, System::currentTimeMillis);
        RateLimiter counting = (key, bucket) -> {
            fallbackCalls.incrementAndGet();
            return local.acquire(key, bucket);
        };
        try (dead) {
            RedisRateLimiter limiter = new RedisRateLimiter(dead, "x:", counting, Duration.ofSeconds(5), System::currentTimeMillis);
            Bucket two = new Bucket(2, 1);
            assertThat(limiter.acquire("k", two)).isZero();
            assertThat(limiter.acquire("k", two)).isZero();
            assertThat(limiter.acquire("k", two)).isPositive();
            assertThat(fallbackCalls).hasValue(3);
        }
    }
}
