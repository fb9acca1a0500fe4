package dev.newsroom.service.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * newsroom.redis.* in the application.yml of a service that uses Redis (the defaults and what
 * each key means are there).
 *
 * @param url      redis://[user:password@]host:port[/db]
 * @param timeout  connect and command timeout; past it the call counts as failed
 * @param poolSize most connections at once
 * @param openFor  after repeated failures the circuit breaker skips Redis this long, then tries once
 */
@ConfigurationProperties("newsroom.redis")
public record RedisSettings(String url, Duration timeout, int poolSize, Duration openFor) {}
