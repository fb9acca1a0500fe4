package dev.newsroom.article.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.article.cache.* in application.yml (the defaults are there; docs/read-path.md). */
@ConfigurationProperties("newsroom.article.cache")
public record CacheConfig(
        boolean enabled,
        Duration ttl,
        Duration jitter,
        Duration fencePoll,
        Duration fenceMaxLag,
        int fenceMaxStories) {}
