package dev.newsroom.gateway.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.backends.*}: the circuit breaker per backend and the retries of
 * idempotent calls ({@link BackendGuard}); every key is commented in application.yml.
 */
@ConfigurationProperties("newsroom.gateway.backends")
public record BackendGuardProperties(Breaker breaker, Retry retry) {

    public BackendGuardProperties {
        breaker = breaker == null ? new Breaker(0, 0, 0, null, 0) : breaker;
        retry = retry == null ? new Retry(-1, null) : retry;
    }

    /**
     * @param window       the last calls the failure rate is taken over
     * @param minimumCalls calls needed in the window before the breaker may open
     * @param failureRate  percent of failed calls that opens it
     * @param openFor      how long it stays open (no calls, 503 with this Retry-After), then lets a few through
     * @param halfOpenCalls calls let through to decide whether to close again
     */
    public record Breaker(
            int window, int minimumCalls, float failureRate, Duration openFor, int halfOpenCalls) {
        public Breaker {
            window = window <= 0 ? 20 : window;
            minimumCalls = minimumCalls <= 0 ? 10 : minimumCalls;
            failureRate = failureRate <= 0 || failureRate > 100 ? 50 : failureRate;
            openFor = openFor == null ? Duration.ofSeconds(5) : openFor;
            halfOpenCalls = halfOpenCalls <= 0 ? 3 : halfOpenCalls;
        }
    }

    /**
     * @param maxRetries retries of an idempotent call after UNAVAILABLE (0: none)
     * @param backoff    the first pause before a retry (doubling, jittered)
     */
    public record Retry(int maxRetries, Duration backoff) {
        public Retry {
            maxRetries = maxRetries < 0 ? 2 : maxRetries;
            backoff = backoff == null ? Duration.ofMillis(50) : backoff;
        }
    }
}
