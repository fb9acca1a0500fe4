package dev.newsroom.article.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.article.hot.* in application.yml (the defaults are there; docs/read-path.md). */
@ConfigurationProperties("newsroom.article.hot")
public record HotConfig(
        Duration halfLife, Duration topTtl, int defaultLimit, int maxLimit, int lastKnownLists) {}
