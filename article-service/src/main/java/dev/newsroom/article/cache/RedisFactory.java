package dev.newsroom.article.cache;

import dev.newsroom.readpath.GuardedRedis;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;

/** The one Redis client of this process, behind timeouts and a circuit breaker. */
@Factory
public class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    GuardedRedis redis(CacheConfig.Redis r) {
        return new GuardedRedis("article-service",
                new GuardedRedis.Settings(URI.create(r.getUrl()), r.getTimeout(), r.getPoolSize(), r.getOpenFor()));
    }
}
