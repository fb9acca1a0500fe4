package dev.newsroom.search.feed;

import java.time.Duration;

/**
 * How the feed is followed.
 *
 * @param batchSize      events applied between two refreshes, at most
 * @param queueSize      events buffered ahead of the index
 * @param pollInterval   how long the follower waits for an event before looking at the commit clock
 * @param commitInterval how often applied events are committed (fsync) together with the cursor
 * @param initialBackoff first reconnect delay; doubled per failure up to {@code maxBackoff}
 */
public record FeedSettings(
        int batchSize,
        int queueSize,
        Duration pollInterval,
        Duration commitInterval,
        Duration initialBackoff,
        Duration maxBackoff) {}
