package dev.newsroom.comment.ratelimit;

import dev.newsroom.readpath.GuardedRedis;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The limits on posting: buckets in Redis (service-support's guarded client), in memory when it fails. */
@Factory
public class RateLimitFactory {

    @Singleton
    PostLimits postLimits(GuardedRedis redis, RateLimitConfig config, Clock clock) {
        RateLimiter local = new LocalRateLimiter(config.localMaxKeys(), clock::millis);
        return new PostLimits(new RedisRateLimiter(redis, local), config.client(), config.story());
    }
}
