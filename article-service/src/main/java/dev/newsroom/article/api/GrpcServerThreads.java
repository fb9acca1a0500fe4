package dev.newsroom.article.api;

import dev.newsroom.service.CallThreads;
import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Unary calls on a fixed pool of {@code newsroom.article.grpc-threads} (the Redis pool's size),
 * health checks and reflection on threads of their own ({@link CallThreads}); the feed's
 * streams hand off to threads of their own.
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final CallThreads threads;

    public GrpcServerThreads(@Value("${newsroom.article.grpc-threads:16}") int threads) {
        this.threads = new CallThreads("grpc-call-", threads);
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
