package dev.newsroom.gateway.readpath;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.read-path.*}: Redis, the near cache and view counting
 * (docs/read-path.md). Every key is commented in application.yml.
 */
@ConfigurationProperties("newsroom.gateway.read-path")
public record ReadPathProperties(Redis redis, NearCache nearCache, Views views) {

    public ReadPathProperties {
        redis = redis == null ? new Redis(null, null, 0, null, null) : redis;
        nearCache = nearCache == null ? new NearCache(true, null, 0, null, null) : nearCache;
        views = views == null ? new Views(true, null, null, 0, 0, null, 0) : views;
    }

    public record Redis(
            String url,
            Duration timeout,
            int poolSize,
            Duration openFor,
            Duration resubscribeAfter) {
        public Redis {
            url = url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
            timeout = timeout == null ? Duration.ofMillis(100) : timeout;
            poolSize = poolSize <= 0 ? 8 : poolSize;
            openFor = openFor == null ? Duration.ofSeconds(2) : openFor;
            resubscribeAfter = resubscribeAfter == null ? Duration.ofSeconds(1) : resubscribeAfter;
        }
    }

    /**
     * Which RPCs are kept is the contract's ({@code near_cache} in their {@code http_semantics}).
     *
     * @param fastPath answer hits before route matching ({@link NearCacheFastPath}); default true
     */
    public record NearCache(
            boolean enabled,
            Boolean fastPath,
            long maxEntries,
            Duration itemTtl,
            Duration listTtl) {
        public NearCache {
            fastPath = fastPath == null || fastPath;
            maxEntries = maxEntries <= 0 ? 10_000 : maxEntries;
            itemTtl = itemTtl == null ? Duration.ofSeconds(4) : itemTtl;
            listTtl = listTtl == null ? Duration.ofSeconds(3) : listTtl;
        }
    }

    /**
     * Which RPCs' answers are views is the contract's ({@code counts_view} in their {@code http_semantics}).
     *
     * @param perAddressCap most views (and unique readers) of one story credited to one client
     *                      address per repeat window, however many User-Agents it sends
     */
    public record Views(
            boolean enabled,
            Duration repeatWindow,
            Duration flushInterval,
            int batchSize,
            int queueCapacity,
            Duration bucketTtl,
            int perAddressCap) {
        public Views {
            perAddressCap = perAddressCap <= 0 ? 20 : perAddressCap;
            repeatWindow = repeatWindow == null ? Duration.ofMinutes(30) : repeatWindow;
            flushInterval = flushInterval == null ? Duration.ofMillis(100) : flushInterval;
            batchSize = batchSize <= 0 ? 1_000 : batchSize;
            queueCapacity = queueCapacity <= 0 ? 100_000 : queueCapacity;
            bucketTtl = bucketTtl == null ? Duration.ofDays(8) : bucketTtl;
        }
    }
}
