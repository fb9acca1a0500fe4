package dev.newsroom.comment.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/** newsroom.comment.rate-limit in application.yml (the defaults are there, each key described). */
@ConfigurationProperties("newsroom.comment.rate-limit")
public record RateLimitConfig(
        int clientBurst,
        int clientPerMinute,
        int storyBurst,
        int storyPerMinute,
        int localMaxKeys) {

    public Bucket client() {
        return new Bucket(clientBurst, clientPerMinute);
    }

    public Bucket story() {
        return new Bucket(storyBurst, storyPerMinute);
    }
}
