package dev.newsroom.article.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * newsroom.article.redis.*, .cache.* and .hot.* in application.yml (docs/read-path.md); each
 * nested class is a bean of its own.
 */
@ConfigurationProperties("newsroom.article")
public class CacheConfig {

    @ConfigurationProperties("redis")
    public static class Redis {
        private String url = "redis://127.0.0.1:6379";
        private Duration timeout = Duration.ofMillis(100);
        private int poolSize = 16;
        private Duration openFor = Duration.ofSeconds(2);

        public String getUrl() { return url; }
        public void setUrl(String v) { url = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public int getPoolSize() { return poolSize; }
        public void setPoolSize(int v) { poolSize = v; }
        public Duration getOpenFor() { return openFor; }
        public void setOpenFor(Duration v) { openFor = v; }
    }

    @ConfigurationProperties("cache")
    public static class Cache {
        private boolean enabled = true;
        private Duration ttl = Duration.ofMinutes(10);
        private Duration jitter = Duration.ofMinutes(1);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        public Duration getTtl() { return ttl; }
        public void setTtl(Duration v) { ttl = v; }
        public Duration getJitter() { return jitter; }
        public void setJitter(Duration v) { jitter = v; }
    }

    @ConfigurationProperties("hot")
    public static class Hot {
        private Duration halfLife = Duration.ofHours(6);
        private Duration topTtl = Duration.ofSeconds(3);
        private int defaultLimit = 10;
        private int maxLimit = 50;

        public Duration getHalfLife() { return halfLife; }
        public void setHalfLife(Duration v) { halfLife = v; }
        public Duration getTopTtl() { return topTtl; }
        public void setTopTtl(Duration v) { topTtl = v; }
        public int getDefaultLimit() { return defaultLimit; }
        public void setDefaultLimit(int v) { defaultLimit = v; }
        public int getMaxLimit() { return maxLimit; }
        public void setMaxLimit(int v) { maxLimit = v; }
    }
}
