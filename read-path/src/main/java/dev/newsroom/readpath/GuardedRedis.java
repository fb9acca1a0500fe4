package dev.newsroom.readpath;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Redis as an accelerator (docs/architecture.md, decision 4): every command runs with tight socket
 * timeouts behind a circuit breaker, and a failure is an empty answer, never an error. While
 * the breaker is open a call costs one permission check (microseconds); after
 * {@code openFor} one trial call decides whether Redis is back, so recovery needs nobody.
 */
public final class GuardedRedis implements AutoCloseable {

    /**
     * @param url        redis://[user:password@]host:port[/db]
     * @param timeout    connect and socket timeout of every command
     * @param poolSize   most connections at once (also the wait for a free one is {@code timeout})
     * @param openFor    how long the breaker stays open before one trial call
     */
    public record Settings(URI url, Duration timeout, int poolSize, Duration openFor) {}

    private final RedisClient client;
    private final CircuitBreaker breaker;
    private final JedisClientConfig config;
    private final URI url;

    public GuardedRedis(String name, Settings settings) {
        this.url = settings.url();
        int timeout = (int) settings.timeout().toMillis();
        DefaultJedisClientConfig.Builder cfg =
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeout)
                        .socketTimeoutMillis(timeout)
                        .user(JedisURIHelper.getUser(url))
                        .password(JedisURIHelper.getPassword(url))
                        .database(JedisURIHelper.getDBIndex(url))
                        .clientName("newsroom-" + name);
        this.config = cfg.build();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(settings.timeout());
        pool.setJmxEnabled(false);
        this.client =
                RedisClient.builder()
                        .hostAndPort(JedisURIHelper.getHostAndPort(url))
                        .clientConfig(config)
                        .poolConfig(pool)
                        .build();
        this.breaker =
                CircuitBreaker.of(
                        "redis-" + name,
                        CircuitBreakerConfig.custom()
                                .slidingWindowSize(20)
                                .minimumNumberOfCalls(5)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(settings.openFor())
                                .permittedNumberOfCallsInHalfOpenState(1)
                                .recordExceptions(Exception.class)
                                .build());
    }

    /** The answer of {@code command}, or empty when Redis is unavailable, slow or failing. */
    public <T> Optional<T> call(Function<UnifiedJedis, T> command) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            T result = command.apply(client);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return Optional.empty();
        }
    }

    /** Runs {@code command}; false when it could not (Redis unavailable or failing). */
    public boolean run(Consumer<UnifiedJedis> command) {
        return call(jedis -> {
                    command.accept(jedis);
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /** "UP", or "DEGRADED" while the breaker keeps calls away from Redis. */
    public String state() {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> "UP";
            default -> "DEGRADED";
        };
    }

    /** The client itself, for blocking subscriptions that must not hold the breaker. */
    public UnifiedJedis unguarded() {
        return client;
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        client.close();
    }
}
