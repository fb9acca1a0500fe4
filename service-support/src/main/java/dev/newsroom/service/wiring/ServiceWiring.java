package dev.newsroom.service.wiring;

import dev.newsroom.service.BudgetInterceptor;
import dev.newsroom.service.CallerInterceptor;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The beans every Newsroom service has: the clock, gRPC server reflection, the caller
 * interceptor and the input budgets' interceptor (gRPC server metrics: micronaut-micrometer's
 * own grpc binder).
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

    /** Who calls and the trace and request ids, from what the gateway forwards. */
    @Singleton
    @Named("caller")
    ServerInterceptor caller() {
        return new CallerInterceptor();
    }

    /** Every request within the contract's input budgets before any service code runs. */
    @Singleton
    @Named("budgets")
    ServerInterceptor budgets() {
        return new BudgetInterceptor();
    }
}
