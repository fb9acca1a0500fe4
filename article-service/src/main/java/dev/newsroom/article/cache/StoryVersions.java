package dev.newsroom.article.cache;

import dev.newsroom.article.store.FeedStore;
import dev.newsroom.article.store.FeedStore.VersionEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version fence in front of the Redis tier (docs/read-path.md, "200 means done"): the
 * newest version of every story changed within the Redis TTL, so a cached copy older than
 * that is a miss even when its tombstone never reached Redis (Redis paused, dead, or the
 * breaker open when the change committed).
 *
 * <p>This replica's own changes are recorded before they are acknowledged; the other
 * replicas' are read from the outbox every {@code fence-poll} (one index range scan of
 * {@code article_event}, usually empty). While the outbox has not been read for
 * {@code fence-max-lag}, or more than {@code fence-max-stories} stories changed within the
 * window, the fence cannot vouch for a cached copy and {@link #trusted()} is false: reads
 * go to the database.
 */
@Singleton
public class StoryVersions {
    private static final Logger LOG = LoggerFactory.getLogger(StoryVersions.class);
    private static final int BATCH = 1000;

    private record Seen(long version, long atNanos) {}

    private final Map<Long, Seen> newest = new ConcurrentHashMap<>();
    private final FeedStore feed;
    private final TransactionOperations<Connection> tx;
    private final CacheConfig config;
    private final long windowNanos;
    private final Thread poller;
    private volatile long cursor;
    private volatile long lastPollNanos;
    private volatile boolean running = true;

    public StoryVersions(
            FeedStore feed, TransactionOperations<Connection> tx, CacheConfig config, Clock clock) {
        this.feed = feed;
        this.tx = tx;
        this.config = config;
        // a copy cached just before a change lives at most ttl + jitter; a minute more for clocks
        this.windowNanos = config.ttl().plus(config.jitter()).plusMinutes(1).toNanos();
        long now = System.nanoTime();
        List<VersionEvent> recent =
                tx.executeRead(s -> feed.versionsSince(clock.instant().minusNanos(windowNanos)));
        long start = tx.executeRead(s -> feed.lastSequence());
        for (VersionEvent e : recent) {
            record(e.articleId(), e.version(), now);
            start = Math.max(start, e.sequence());
        }
        this.cursor = start;
        this.lastPollNanos = now;
        this.poller = new Thread(this::pollLoop, "story-version-fence");
        poller.setDaemon(true);
        poller.start();
    }

    /** A change this replica committed: known at once, before the change is acknowledged. */
    public void changed(long id, long version) {
        record(id, version, System.nanoTime());
    }

    /** True when a cached copy of {@code version} is older than a committed change of the story. */
    public boolean outdated(long id, long version) {
        Seen seen = newest.get(id);
        return seen != null && seen.version() > version;
    }

    /** Whether the fence is current enough to serve any cached copy at all. */
    public boolean trusted() {
        return System.nanoTime() - lastPollNanos <= config.fenceMaxLag().toNanos()
                && newest.size() <= config.fenceMaxStories();
    }

    private void record(long id, long version, long atNanos) {
        newest.merge(
                id,
                new Seen(version, atNanos),
                (old, now) -> old.version() >= now.version() ? old : now);
    }

    private void pollLoop() {
        while (running) {
            try {
                Thread.sleep(config.fencePoll().toMillis());
                poll();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn(
                        "cannot read the outbox for the story version fence; cached stories are not served meanwhile: {}",
                        e.toString());
            }
        }
    }

    /** Reads the outbox after the cursor (all of it, in batches) and forgets what is past the window. */
    void poll() {
        long now = System.nanoTime();
        List<VersionEvent> batch;
        do {
            long after = cursor;
            batch = tx.executeRead(s -> feed.versionsAfter(after, BATCH));
            for (VersionEvent e : batch) {
                record(e.articleId(), e.version(), now);
                cursor = e.sequence();
            }
        } while (batch.size() == BATCH);
        lastPollNanos = now;
        newest.values().removeIf(s -> now - s.atNanos() > windowNanos);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(2000);
    }
}
