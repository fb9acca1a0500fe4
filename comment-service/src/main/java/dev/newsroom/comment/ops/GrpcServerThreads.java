package dev.newsroom.comment.ops;

import dev.newsroom.service.CallThreads;
import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Calls on a fixed pool of {@code newsroom.comment.grpc-threads}, by default the database
 * pool's size (a post or a thread read holds one connection at a time); health checks and
 * reflection on threads of their own ({@link CallThreads}).
 */
@Singleton
public class GrpcServerThreads implements BeanCreatedEventListener<ServerBuilder<?>> {
    private final CallThreads threads;

    public GrpcServerThreads(@Value("${newsroom.comment.grpc-threads:10}") int threads) {
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
