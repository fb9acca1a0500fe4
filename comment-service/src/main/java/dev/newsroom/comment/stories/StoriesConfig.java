package dev.newsroom.comment.stories;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.comment.article-service in application.yml (each key is described there). */
@ConfigurationProperties("newsroom.comment.article-service")
public class StoriesConfig {
    private String address = "localhost:9091";
    private Duration deadline = Duration.ofMillis(800);
    private Duration publishedTtl = Duration.ofSeconds(30);
    private Duration missingTtl = Duration.ofSeconds(5);
    private Duration knownPublishedFor = Duration.ofHours(1);
    private long cacheSize = 100_000;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public Duration getPublishedTtl() {
        return publishedTtl;
    }

    public void setPublishedTtl(Duration publishedTtl) {
        this.publishedTtl = publishedTtl;
    }

    public Duration getMissingTtl() {
        return missingTtl;
    }

    public void setMissingTtl(Duration missingTtl) {
        this.missingTtl = missingTtl;
    }

    public Duration getKnownPublishedFor() {
        return knownPublishedFor;
    }

    public void setKnownPublishedFor(Duration knownPublishedFor) {
        this.knownPublishedFor = knownPublishedFor;
    }

    public long getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(long cacheSize) {
        this.cacheSize = cacheSize;
    }
}
