package dev.newsroom.article.cache;

import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.service.wiring.ReadinessCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Redis in article-service's /readyz. */
@Factory
public class RedisReadiness {

    /**
     * A cheap PING through the breaker: DEGRADED when Redis is away or the breaker is open.
     * Reported, never a reason to be unready: Redis is an accelerator.
     */
    @Singleton
    @Named("redis")
    ReadinessCheck redis(GuardedRedis redis) {
        return ReadinessCheck.reported(
                "redis", () -> redis.call(j -> j.ping()).isPresent() ? redis.state() : "DEGRADED");
    }
}
