package dev.newsroom.article.api;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads for the unary calls (the feed's streams hand off to threads of
 * their own). Micronaut's default, its unbounded I/O pool, ran one thread per concurrent
 * call: under 64 concurrent story reads on two cores, 64 threads fought for 16 Redis
 * connections, borrows waited past the Redis timeout and the circuit breaker sent the reads
 * to the database (docs/read-path.md). Health checks and reflection run on threads of their
 * own, so a pool busy with slow database calls never fails a readiness or liveness probe.
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final ExecutorService calls;
    private final ExecutorService probes;

    public GrpcServerThreads(@Value("${newsroom.article.grpc-threads:16}") int threads) {
        this.calls = Executors.newFixedThreadPool(threads, named("grpc-call-"));
        this.probes = Executors.newCachedThreadPool(named("grpc-probe-"));
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return event.getBean().executor(calls).callExecutor(new ServerCallExecutorSupplier() {
            @Override
            public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                String service = call.getMethodDescriptor().getServiceName();
                boolean probe = service != null && (service.equals("grpc.health.v1.Health") || service.startsWith("grpc.reflection."));
                return probe ? probes : null;   // null: the fixed pool
            }
        });
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
        probes.shutdown();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
