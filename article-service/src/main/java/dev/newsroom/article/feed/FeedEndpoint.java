package dev.newsroom.article.feed;

import dev.newsroom.article.api.Protos;
import dev.newsroom.article.desk.FeedSignal;
import dev.newsroom.article.domain.StoryEvent;
import dev.newsroom.article.store.FeedStore;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.proto.article.v1.ArticleFeedGrpc;
import dev.newsroom.proto.article.v1.WatchRequest;
import dev.newsroom.service.Caller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ArticleFeed.Watch: the backlog after the consumer's cursor, then every new event, in
 * sequence order. Each watcher has its own thread and honours gRPC flow control, so a slow
 * consumer holds only its own stream. Drafts are in it, so only a Newsroom service's own
 * signed identity may watch (role "service", docs/security.md).
 */
@Singleton
public class FeedEndpoint extends ArticleFeedGrpc.ArticleFeedImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(FeedEndpoint.class);

    private final FeedStore feed;
    private final FeedSignal signal;
    private final TransactionOperations<Connection> tx;
    private final FeedConfig config;
    private final Semaphore slots;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService watchers =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "feed-watch-" + threads.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });

    public FeedEndpoint(
            FeedStore feed,
            FeedSignal signal,
            TransactionOperations<Connection> tx,
            FeedConfig config) {
        this.feed = feed;
        this.signal = signal;
        this.tx = tx;
        this.config = config;
        this.slots = new Semaphore(config.maxWatchers());
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<ArticleEvent> out) {
        ServerCallStreamObserver<ArticleEvent> stream =
                (ServerCallStreamObserver<ArticleEvent>) out;
        try {
            Caller.current().require(Caller.SERVICE);
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        }
        if (request.getAfterSequence() < 0) {
            out.onError(
                    Status.INVALID_ARGUMENT
                            .withDescription("after_sequence must not be negative")
                            .asRuntimeException());
            return;
        }
        if (!slots.tryAcquire()) {
            out.onError(
                    Status.RESOURCE_EXHAUSTED
                            .withDescription("too many feed watchers; retry later")
                            .asRuntimeException());
            return;
        }
        FlowGate gate = new FlowGate(stream);
        watchers.execute(
                () -> {
                    try {
                        pump(request.getAfterSequence(), stream, gate);
                    } finally {
                        slots.release();
                    }
                });
    }

    private void pump(long cursor, ServerCallStreamObserver<ArticleEvent> stream, FlowGate gate) {
        long seen = signal.changes();
        try {
            while (!gate.cancelled()) {
                long after = cursor;
                List<StoryEvent> batch = tx.executeRead(s -> feed.after(after, config.batchSize()));
                for (StoryEvent e : batch) {
                    if (!gate.awaitReady()) {
                        return;
                    }
                    stream.onNext(Protos.event(e));
                    cursor = e.sequence();
                }
                if (batch.size() < config.batchSize()) {
                    seen = signal.await(seen, config.pollInterval().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(
                    stream,
                    Status.UNAVAILABLE.withDescription(
                            "article-service is shutting down; resume from your cursor"));
        } catch (RuntimeException e) {
            LOG.warn("feed stream failed after sequence {}", cursor, e);
            closeQuietly(
                    stream,
                    Status.UNAVAILABLE.withDescription(
                            "feed interrupted; resume from your cursor"));
        }
    }

    private static void closeQuietly(ServerCallStreamObserver<ArticleEvent> stream, Status status) {
        try {
            if (!stream.isCancelled()) {
                stream.onError(status.asRuntimeException());
            }
        } catch (RuntimeException ignored) {
            // the call is already closed
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        watchers.shutdownNow();
        watchers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
