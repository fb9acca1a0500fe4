package dev.newsroom.comment.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.comment.rate-limit in application.yml (each key is described there). */
@ConfigurationProperties("newsroom.comment.rate-limit")
public class RateLimitConfig {
    private int clientBurst = 5;
    private int clientPerMinute = 5;
    private int storyBurst = 120;
    private int storyPerMinute = 600;
    private String redisUrl = "redis://127.0.0.1:6379";
    private Duration redisTimeout = Duration.ofMillis(200);
    private Duration pauseAfterFailure = Duration.ofSeconds(5);
    private int localMaxKeys = 100_000;
    private String keyPrefix = "newsroom:comment:rate:";

    public Bucket client() {
        return new Bucket(clientBurst, clientPerMinute);
    }

    public Bucket story() {
        return new Bucket(storyBurst, storyPerMinute);
    }

    public int getClientBurst() {
        return clientBurst;
    }

    public void setClientBurst(int clientBurst) {
        this.clientBurst = clientBurst;
    }

    public int getClientPerMinute() {
        return clientPerMinute;
    }

    public void setClientPerMinute(int clientPerMinute) {
        this.clientPerMinute = clientPerMinute;
    }

    public int getStoryBurst() {
        return storyBurst;
    }

    public void setStoryBurst(int storyBurst) {
        this.storyBurst = storyBurst;
    }

    public int getStoryPerMinute() {
        return storyPerMinute;
    }

    public void setStoryPerMinute(int storyPerMinute) {
        this.storyPerMinute = storyPerMinute;
    }

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }

    public Duration getPauseAfterFailure() {
        return pauseAfterFailure;
    }

    public void setPauseAfterFailure(Duration pauseAfterFailure) {
        this.pauseAfterFailure = pauseAfterFailure;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public int getLocalMaxKeys() {
        return localMaxKeys;
    }

    public void setLocalMaxKeys(int localMaxKeys) {
        this.localMaxKeys = localMaxKeys;
    }
}
