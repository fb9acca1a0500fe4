package dev.newsroom.gateway.readpath;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the queued views every flush interval on one background thread, and once more when
 * the gateway stops (after the web server has drained), so the last interval's views are
 * not lost to a deploy. Closed before the Redis client it writes through.
 */
public class ViewFlusher implements AutoCloseable {
    private final ViewCounter views;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "view-flusher");
                        t.setDaemon(true);
                        return t;
                    });

    public ViewFlusher(ViewCounter views, Duration every) {
        this.views = views;
        thread.scheduleWithFixedDelay(
                this::flushQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            views.flush();
        } catch (RuntimeException e) {
            // a failed batch is lost (counted as dropped where known); the next one is sent anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        flushQuietly();
    }
}
