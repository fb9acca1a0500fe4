package dev.newsroom.service.wiring;

import dev.newsroom.readpath.GuardedRedis;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The one Redis client of a service that sets {@code newsroom.redis.url}: read-path's
 * {@link GuardedRedis} (timeouts and a circuit breaker; a failure is an empty answer).
 */
@Factory
@Requires(classes = GuardedRedis.class)
@Requires(property = "newsroom.redis.url")
public class RedisWiring {

    @Singleton
    @Bean(preDestroy = "close")
    GuardedRedis redis(RedisSettings r, @Value("${micronaut.application.name}") String service) {
        return new GuardedRedis(
                service,
                new GuardedRedis.Settings(
                        URI.create(r.url()), r.timeout(), r.poolSize(), r.openFor()));
    }
}
