package dev.newsroom.service.wiring;

import dev.newsroom.identity.CallTokens;
import dev.newsroom.identity.ServiceIdentity;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The channel to article-service, in the services that call it (those that set
 * {@code newsroom.article-service.address}). Every call carries this service's own signed
 * identity (role "service", docs/security.md), which ArticleFeed.Watch requires. It
 * reconnects by itself; callers set their own deadlines and retries.
 */
@Factory
@Requires(property = ArticleServiceChannel.ADDRESS)
public class ArticleServiceChannel {
    static final String ADDRESS = "newsroom.article-service.address";

    /** article-service's name: the audience of the tokens on this channel. */
    static final String AUDIENCE = "article-service";

    @Singleton
    @Named("article-service")
    @Bean(preDestroy = "shutdownNow")
    ManagedChannel articleService(
            @Value("${" + ADDRESS + "}") String address, ServiceIdentity identity) {
        return ManagedChannelBuilder.forTarget(target(address))
                .usePlaintext()
                .intercept(signedAs(identity, AUDIENCE))
                .build();
    }

    /** Attaches the service's current token for {@code audience} to every call. */
    static ClientInterceptor signedAs(ServiceIdentity identity, String audience) {
        Metadata.Key<String> header =
                Metadata.Key.of(CallTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(
                    MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(
                        next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(header, identity.tokenFor(audience));
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    /** A bare host:port is a DNS name, never a URI whose "scheme" is the host name. */
    static String target(String address) {
        return address.contains("://") || address.startsWith("dns:")
                ? address
                : "dns:///" + address;
    }
}
