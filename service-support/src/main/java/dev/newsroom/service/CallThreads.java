package dev.newsroom.service;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a service's gRPC calls run on: a fixed number for its own calls, and threads of
 * their own for health checks and server reflection.
 *
 * <p>Micronaut's default, its unbounded I/O pool, runs one thread per concurrent call: under
 * load on two cores, dozens of threads fought over the CPU and over a fixed number of
 * connections (article-service: 64 threads for 16 Redis connections, reads fell to the
 * database; docs/read-path.md). A fixed pool queues the excess instead. Probes never wait in
 * that queue, so a pool busy with slow calls never fails a readiness or liveness probe.
 */
public final class CallThreads implements AutoCloseable {
    private final ExecutorService calls;
    private final ExecutorService probes;

    /**
     * @param prefix  thread name prefix, e.g. {@code grpc-call-}
     * @param threads the fixed pool's size
     */
    public CallThreads(String prefix, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "a call pool needs at least one thread, not " + threads);
        }
        this.calls = Executors.newFixedThreadPool(threads, named(prefix));
        this.probes = Executors.newCachedThreadPool(named("grpc-probe-"));
    }

    /**
     * Sets {@code builder}'s executors: every call is handed to the fixed pool or, for health
     * and reflection, to the probe threads. gRPC looks the method up and asks for the call's
     * executor on the server's default executor; were that the fixed pool, a probe would wait
     * behind every queued call before it could be redirected (CallThreadsTest). So the default
     * is direct: the lookup runs on the transport thread, as do gRPC's own cancellation
     * callbacks when a call ends abnormally; interceptors and handlers run on the pools.
     */
    public <B extends ServerBuilder<?>> B applyTo(B builder) {
        builder.directExecutor()
                .callExecutor(
                        new ServerCallExecutorSupplier() {
                            @Override
                            public <Q, R> Executor getExecutor(
                                    ServerCall<Q, R> call, Metadata headers) {
                                return isProbe(call.getMethodDescriptor().getServiceName())
                                        ? probes
                                        : calls;
                            }
                        });
        return builder;
    }

    static boolean isProbe(String service) {
        return service != null
                && (service.equals("grpc.health.v1.Health")
                        || service.startsWith("grpc.reflection."));
    }

    @Override
    public void close() {
        calls.shutdown();
        probes.shutdown();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
