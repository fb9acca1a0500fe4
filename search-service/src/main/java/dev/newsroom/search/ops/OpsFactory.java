package dev.newsroom.search.ops;

import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.service.CallerInterceptor;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock, the channel to article-service, gRPC server reflection and the caller interceptor (gRPC server metrics: micronaut-micrometer's own grpc binder). */
@Factory
public class OpsFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The feed's source; reconnects by itself, the follower retries the stream. */
    @Singleton
    @Named("article-service")
    @Bean(preDestroy = "shutdownNow")
    ManagedChannel articleService(SearchConfig config) {
        String address = config.getArticleServiceAddress();
        // a bare host:port is a DNS name, never a URI whose "scheme" is the host name
        String target = address.contains("://") || address.startsWith("dns:") ? address : "dns:///" + address;
        return ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    }

    @Singleton
    @Named("reflection")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }


    /** Who calls and the trace and request ids, from what the gateway forwards (service-support). */
    @Singleton
    @Named("caller")
    ServerInterceptor caller() {
        return new CallerInterceptor();
    }
}
