package dev.newsroom.article.api;

import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads for unary calls (the feed's streams have their own). Micronaut's
 * default, its unbounded I/O pool, ran one thread per concurrent call: under 64 concurrent
 * story reads on two cores, 64 threads fought for 16 Redis connections, borrows waited past
 * the Redis timeout and the circuit breaker sent the reads to the database (docs/read-path.md).
 * With at most as many threads as Redis connections a read never waits for one.
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final ExecutorService pool;

    public GrpcServerThreads(@Value("${newsroom.article.grpc-threads:16}") int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "grpc-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return event.getBean().executor(pool);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
