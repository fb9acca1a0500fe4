package dev.newsroom.comment.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LocalRateLimiter limiter = new LocalRateLimiter(1000, now::get);
    private final Bucket threePerMinute = new Bucket(3, 3);

    @Test
    void allowsTheBurstThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", threePerMinute)).isZero();
        }
        assertThat(limiter.acquire("a", threePerMinute)).isEqualTo(Duration.ofSeconds(20));
        now.addAndGet(20_000);
        assertThat(limiter.acquire("a", threePerMinute)).isZero();
        assertThat(limiter.acquire("a", threePerMinute)).isPositive();
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a", threePerMinute);
        }
        assertThat(limiter.acquire("a", threePerMinute)).isPositive();
        assertThat(limiter.acquire("b", threePerMinute)).isZero();
    }
}
