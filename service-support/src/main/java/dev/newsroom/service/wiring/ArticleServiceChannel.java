package dev.newsroom.service.wiring;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The channel to article-service, in the services that call it (those that set
 * {@code newsroom.article-service.address}). It reconnects by itself; callers set their own
 * deadlines and retries.
 */
@Factory
@Requires(property = ArticleServiceChannel.ADDRESS)
public class ArticleServiceChannel {
    static final String ADDRESS = "newsroom.article-service.address";

    @Singleton
    @Named("article-service")
    @Bean(preDestroy = "shutdownNow")
    ManagedChannel articleService(@Value("${" + ADDRESS + "}") String address) {
        return ManagedChannelBuilder.forTarget(target(address)).usePlaintext().build();
    }

    /** A bare host:port is a DNS name, never a URI whose "scheme" is the host name. */
    static String target(String address) {
        return address.contains("://") || address.startsWith("dns:") ? address : "dns:///" + address;
    }
}
