package dev.newsroom.comment.ratelimit;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Wires the Redis client (tight timeouts: a slow Redis must not slow posting) and the limits. */
@Factory
public class RateLimitFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RedisClient redis(RateLimitConfig config) {
        URI uri = URI.create(config.getRedisUrl());
        int timeout = (int) config.getRedisTimeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout).clientName("comment-service");
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                client.password(userInfo);
            } else {
                if (colon > 0) {
                    client.user(userInfo.substring(0, colon));
                }
                client.password(userInfo.substring(colon + 1));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            client.database(Integer.parseInt(path.substring(1)));
        }
        client.ssl("rediss".equals(uri.getScheme()));
        return RedisClient.builder().hostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
                .clientConfig(client.build()).build();
    }

    @Singleton
    PostLimits postLimits(RedisClient redis, RateLimitConfig config, Clock clock) {
        RateLimiter local = new LocalRateLimiter(config.getLocalMaxKeys(), clock::millis);
        RateLimiter shared = new RedisRateLimiter(redis, config.getKeyPrefix(), local, config.getPauseAfterFailure(), clock::millis);
        return new PostLimits(shared, config.client(), config.story());
    }
}
