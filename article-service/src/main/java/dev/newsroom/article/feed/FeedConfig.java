package dev.newsroom.article.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.article.feed.* in application.yml. */
@ConfigurationProperties("newsroom.article.feed")
public class FeedConfig {
    private Duration pollInterval = Duration.ofMillis(250);
    private int batchSize = 256;
    private int maxWatchers = 64;

    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration v) { pollInterval = v; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int v) { batchSize = v; }
    public int getMaxWatchers() { return maxWatchers; }
    public void setMaxWatchers(int v) { maxWatchers = v; }
}
