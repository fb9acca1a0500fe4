package dev.newsroom.gateway.edge;

import dev.newsroom.gateway.errors.ApiError;
import dev.newsroom.gateway.errors.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A circuit breaker per backend (the route id) and retries of the calls that may be repeated.
 * Only what says the backend is unwell counts as a failure (UNAVAILABLE, DEADLINE_EXCEEDED):
 * a client cannot open a breaker for everyone by sending requests that fail validation. An
 * open breaker answers 503 with Retry-After at once, without a call. A call is retried only
 * when its RPC is declared {@code idempotent} and it failed with UNAVAILABLE (it never
 * reached a service, or the service was going away), after a short jittered backoff, and
 * each retry asks the breaker again.
 */
public class BackendGuard {

    private static final Logger log = LoggerFactory.getLogger(BackendGuard.class);
    private static final Set<Status.Code> UNWELL =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    private final BackendGuardProperties config;
    private final CircuitBreakerRegistry breakers;

    public BackendGuard(BackendGuardProperties config) {
        this.config = config;
        BackendGuardProperties.Breaker b = config.breaker();
        this.breakers =
                CircuitBreakerRegistry.of(
                        CircuitBreakerConfig.custom()
                                .slidingWindowType(
                                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                                .slidingWindowSize(b.window())
                                .minimumNumberOfCalls(b.minimumCalls())
                                .failureRateThreshold(b.failureRate())
                                .waitDurationInOpenState(b.openFor())
                                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                                .build());
        breakers.getEventPublisher()
                .onEntryAdded(
                        added ->
                                added.getAddedEntry()
                                        .getEventPublisher()
                                        .onStateTransition(
                                                e ->
                                                        log.warn(
                                                                "circuit breaker of {}: {}",
                                                                e.getCircuitBreakerName(),
                                                                e.getStateTransition())));
    }

    /** The breaker of {@code service}, made on first use. */
    public CircuitBreaker breaker(String service) {
        return breakers.circuitBreaker(service);
    }

    /** {@code call} behind {@code service}'s breaker, retried when {@code idempotent}. */
    public <T> Mono<T> call(String service, boolean idempotent, Supplier<Mono<T>> call) {
        CircuitBreaker breaker = breaker(service);
        Mono<T> once =
                Mono.defer(
                        () -> {
                            if (!breaker.tryAcquirePermission()) {
                                return Mono.error(open(service));
                            }
                            long start = System.nanoTime();
                            return call.get()
                                    .doOnSuccess(
                                            v ->
                                                    breaker.onSuccess(
                                                            System.nanoTime() - start,
                                                            TimeUnit.NANOSECONDS))
                                    .doOnError(
                                            e -> {
                                                if (UNWELL.contains(
                                                        Status.fromThrowable(e).getCode())) {
                                                    breaker.onError(
                                                            System.nanoTime() - start,
                                                            TimeUnit.NANOSECONDS,
                                                            e);
                                                } else {
                                                    breaker.onSuccess(
                                                            System.nanoTime() - start,
                                                            TimeUnit.NANOSECONDS);
                                                }
                                            })
                                    .doOnCancel(breaker::releasePermission);
                        });
        if (!idempotent || config.retry().maxRetries() == 0) {
            return once;
        }
        return once.retryWhen(
                Retry.backoff(config.retry().maxRetries(), config.retry().backoff())
                        .jitter(0.5)
                        .filter(
                                e ->
                                        !(e instanceof ApiException)
                                                && Status.fromThrowable(e).getCode()
                                                        == Status.Code.UNAVAILABLE)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private ApiException open(String service) {
        long seconds = Math.max(1, (config.breaker().openFor().toMillis() + 999) / 1000);
        return new ApiException(
                new ApiError(
                        503,
                        "UNAVAILABLE",
                        service
                                + " is failing; the gateway stopped calling it for now, try again later",
                        List.of(),
                        Map.of("Retry-After", Long.toString(seconds))));
    }
}
