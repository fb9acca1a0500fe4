package dev.newsroom.article.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.article.feed.* in application.yml (the defaults are there, each key described). */
@ConfigurationProperties("newsroom.article.feed")
public record FeedConfig(Duration pollInterval, int batchSize, int maxWatchers) {}
