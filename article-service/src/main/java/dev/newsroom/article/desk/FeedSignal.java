package dev.newsroom.article.desk;

import jakarta.inject.Singleton;

/**
 * Wakes the feed's watchers as soon as this replica commits a change. Changes committed by
 * other replicas are found by polling (newsroom.article.feed.poll-interval).
 */
@Singleton
public class FeedSignal {
    private long changes;

    public synchronized void changed() {
        changes++;
        notifyAll();
    }

    /** Waits until a change after {@code seen} or until the timeout; returns the change count. */
    public synchronized long await(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (changes == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return changes;
    }

    public synchronized long changes() {
        return changes;
    }
}
