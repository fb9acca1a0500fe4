package dev.newsroom.comment.stories;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * newsroom.comment.article-service in application.yml (the defaults are there, each key
 * described); the address is newsroom.article-service.address (service-support's channel).
 */
@ConfigurationProperties("newsroom.comment.article-service")
public record StoriesConfig(
        Duration deadline,
        Duration publishedTtl,
        Duration missingTtl,
        Duration knownPublishedFor,
        long cacheSize) {}
