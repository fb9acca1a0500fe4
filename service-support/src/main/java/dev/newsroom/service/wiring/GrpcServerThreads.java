package dev.newsroom.service.wiring;

import dev.newsroom.service.CallThreads;
import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The service's gRPC calls on a fixed pool of {@code newsroom.grpc.call-threads} (each
 * service's application.yml says why its size), health checks and reflection on threads of
 * their own ({@link CallThreads}). 0 means twice the processors the JVM sees (its container's
 * CPU limit): for CPU-bound calls, the second half for calls waiting on I/O.
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final CallThreads threads;

    public GrpcServerThreads(@Value("${newsroom.grpc.call-threads}") int threads) {
        this.threads =
                new CallThreads(
                        "grpc-call-",
                        threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return threads.applyTo(event.getBean());
    }

    @PreDestroy
    void stop() {
        threads.close();
    }
}
