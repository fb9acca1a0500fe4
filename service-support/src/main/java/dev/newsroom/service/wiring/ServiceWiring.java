package dev.newsroom.service.wiring;

import dev.newsroom.identity.CallTokens;
import dev.newsroom.identity.InternalKey;
import dev.newsroom.identity.ServiceIdentity;
import dev.newsroom.service.BudgetInterceptor;
import dev.newsroom.service.CallerInterceptor;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The beans every Newsroom service has: the clock, gRPC server reflection, the call tokens
 * (the internal key: {@code newsroom.identity.key}, env NEWSROOM_INTERNAL_KEY), the service's
 * own identity and the caller interceptor (gRPC server metrics: micronaut-micrometer's own
 * grpc binder); and the input budgets' interceptor.
 */
@Factory
public class ServiceWiring {

    /** Replaced in tests that need to control time. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Named("reflection")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }

    /**
     * Signs and verifies call tokens with the internal key; blank is the local-dev key, which
     * makes start-up fail outside NEWSROOM_PROFILE=local (docs/security.md).
     */
    @Singleton
    CallTokens callTokens(@Value("${newsroom.identity.key:}") String key) {
        return new CallTokens(InternalKey.resolve(key));
    }

    /** This service's own identity (its application name, role "service") for its calls to others. */
    @Singleton
    ServiceIdentity serviceIdentity(
            CallTokens tokens, @Value("${micronaut.application.name}") String name) {
        return new ServiceIdentity(tokens, name);
    }

    /** Who calls (only a call token signed for this service counts) and the trace and request ids. */
    @Singleton
    @Named("caller")
    ServerInterceptor caller(
            CallTokens tokens, @Value("${micronaut.application.name}") String name) {
        return new CallerInterceptor(tokens, name);
    }

    /** Every request within the contract's input budgets before any service code runs. */
    @Singleton
    @Named("budgets")
    ServerInterceptor budgets() {
        return new BudgetInterceptor();
    }
}
