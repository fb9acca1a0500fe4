package dev.newsroom.search.ops;

import dev.newsroom.service.CallThreads;
import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Searches on a fixed pool ({@link CallThreads}): a search is CPU work on the memory-mapped
 * index, so more threads than cores only queue on the CPU. {@code newsroom.search.grpc-threads}
 * 0 (the default) means twice the processors the JVM sees (its container's CPU limit), the
 * second half for searches waiting on a page of the index that is not in memory yet.
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final CallThreads threads;

    public GrpcServerThreads(@Value("${newsroom.search.grpc-threads:0}") int threads) {
        this.threads = new CallThreads("grpc-call-", threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors());
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
