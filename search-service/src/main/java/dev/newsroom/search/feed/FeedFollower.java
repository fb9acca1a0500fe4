package dev.newsroom.search.feed;

import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.proto.article.v1.ArticleFeedGrpc;
import dev.newsroom.proto.article.v1.WatchRequest;
import dev.newsroom.search.index.LiveIndex;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link LiveIndex} up to date from {@code ArticleFeed.Watch}: resumes after the
 * index's cursor, applies events in batches (refresh after each batch, commit at most every
 * commit interval), and reconnects with capped exponential backoff when article-service
 * is away. One thread per follower; the gRPC callback only queues (and blocks when the
 * queue is full, which is the stream's flow control).
 */
public final class FeedFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedFollower.class);
    private static final Object END = new Object();

    private final LiveIndex index;
    private final ArticleFeedGrpc.ArticleFeedStub feed;
    private final FeedSettings settings;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long connectedSinceNanos;
    private Context.CancellableContext call;
    private long lastCommitNanos = System.nanoTime();

    public FeedFollower(LiveIndex index, Channel channel, FeedSettings settings, String name) {
        this.index = index;
        this.feed = ArticleFeedGrpc.newStub(channel);
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public FeedFollower start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    /** Connected, nothing queued and no event for {@code idle}: the backlog has been applied. */
    public boolean caughtUp(Duration idle) {
        long now = System.nanoTime();
        return connected
                && queue.isEmpty()
                && now - lastActivityNanos >= idle.toNanos()
                && now - connectedSinceNanos >= idle.toNanos();
    }

    private void run() {
        int failures = 0;
        while (running) {
            connect();
            boolean gotEvents = follow();
            cancelCall();
            if (!running) {
                break;
            }
            failures = gotEvents ? 1 : failures + 1;
            sleep(backoff(failures));
        }
    }

    private void connect() {
        call = Context.current().withCancellation();
        long after = index.cursor();
        call.run(
                () ->
                        feed.watch(
                                WatchRequest.newBuilder().setAfterSequence(after).build(),
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(ArticleEvent event) {
                                        offer(event);
                                    }

                                    @Override
                                    public void onError(Throwable t) {
                                        if (running) {
                                            LOG.warn(
                                                    "article feed stream failed: {}", t.toString());
                                        }
                                        offer(END);
                                    }

                                    @Override
                                    public void onCompleted() {
                                        offer(END);
                                    }
                                }));
        connected = true;
        connectedSinceNanos = System.nanoTime();
        LOG.info(
                "following the article feed after sequence {} into {}",
                after,
                index.path().getFileName());
    }

    /** Applies events until the stream ends; true when at least one event arrived. */
    private boolean follow() {
        boolean gotEvents = false;
        List<Object> batch = new ArrayList<>(settings.batchSize());
        try {
            while (running) {
                Object first =
                        queue.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    commitIfDue();
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                boolean ended = false;
                for (Object item : batch) {
                    if (item == END) {
                        ended = true;
                        break;
                    }
                    index.apply((ArticleEvent) item);
                    gotEvents = true;
                }
                lastActivityNanos = System.nanoTime();
                index.refresh();
                commitIfDue();
                if (ended) {
                    connected = false;
                    return gotEvents;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "applying feed events to {} failed; reconnecting from the last applied event",
                    index.path(),
                    e);
        }
        connected = false;
        return gotEvents;
    }

    private void commitIfDue() throws IOException {
        if (index.hasUncommitted()
                && System.nanoTime() - lastCommitNanos >= settings.commitInterval().toNanos()) {
            index.commit();
            lastCommitNanos = System.nanoTime();
        }
    }

    private void offer(Object item) {
        try {
            // blocks the stream while the index is behind: gRPC then stops asking for more
            while (running && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // keep trying while we run
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration backoff(int failures) {
        long max = settings.maxBackoff().toMillis();
        long base =
                Math.min(max, settings.initialBackoff().toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void cancelCall() {
        if (call != null) {
            call.cancel(null);
            call = null;
        }
        queue.clear();
    }

    /** Stops following; the index stays open (its owner closes it). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        // no interrupt: it would abort a commit's fsync and invalidate the index lock;
        // the follower sees the flag within one poll interval
        thread.join(10_000);
        cancelCall();
    }
}
