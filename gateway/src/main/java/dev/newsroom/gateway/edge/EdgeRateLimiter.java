package dev.newsroom.gateway.edge;

import dev.newsroom.gateway.errors.ApiError;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.proto.common.v1.RateClass;
import dev.newsroom.readpath.GuardedRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets per client address and rate class: the in-process bucket first (no round
 * trip; near-cache hits stop here), then the shared one in Redis (off the event loop); a
 * refusal by either is a 429 with {@code Retry-After}, {@code RateLimit-Policy} and
 * {@code RateLimit} (the IETF httpapi draft's structured fields, one policy per class).
 */
public class EdgeRateLimiter {

    private final RateLimitProperties config;
    private final LocalBuckets local;
    private final RedisBuckets shared;
    private final Map<RateClass, Counter> refused = new EnumMap<>(RateClass.class);

    public EdgeRateLimiter(RateLimitProperties config, GuardedRedis redis, MeterRegistry meters) {
        this.config = config;
        Duration longest =
                List.of(config.read(), config.search(), config.write(), config.commentPost())
                        .stream()
                        .map(RateLimitProperties.Budget::refill)
                        .max(Duration::compareTo)
                        .orElseThrow();
        this.local = new LocalBuckets(config.maxClients(), longest, System::nanoTime);
        this.shared = new RedisBuckets(redis);
        for (RateClass rateClass :
                List.of(
                        RateClass.RATE_CLASS_READ,
                        RateClass.RATE_CLASS_SEARCH,
                        RateClass.RATE_CLASS_WRITE,
                        RateClass.RATE_CLASS_COMMENT_POST)) {
            refused.put(
                    rateClass,
                    Counter.builder("gateway.rate_limit.refused")
                            .description("requests refused with 429 by the edge rate limits")
                            .tag("class", RateLimitProperties.policyName(rateClass))
                            .register(meters));
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Spends one token of {@code client}'s {@code rateClass} budget. The verdict's headers are
     * for the answer either way; a refusal comes as the 429 {@link ApiException}.
     *
     * @param sharedToo false for a near-cache hit: the in-process bucket alone decides
     */
    public Mono<Map<String, String>> take(String client, RateClass rateClass, boolean sharedToo) {
        RateLimitProperties.Budget budget = config.budget(rateClass);
        String key = client + ":" + RateLimitProperties.policyName(rateClass);
        Verdict first = local.take(key, budget);
        if (!first.allowed() || !sharedToo) {
            return settle(first, rateClass, budget);
        }
        String sharedKey = "nr:rl:{" + client + "}:" + RateLimitProperties.policyName(rateClass);
        return Mono.fromCallable(() -> Optional.ofNullable(shared.take(sharedKey, budget)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(other -> settle(first.and(other.orElse(null)), rateClass, budget));
    }

    private Mono<Map<String, String>> settle(
            Verdict verdict, RateClass rateClass, RateLimitProperties.Budget budget) {
        Map<String, String> headers = headers(verdict, rateClass, budget);
        if (verdict.allowed()) {
            return Mono.just(headers);
        }
        refused.get(rateClass).increment();
        headers.put("Retry-After", Long.toString(seconds(verdict.retryAfter())));
        return Mono.error(
                new ApiException(
                        new ApiError(
                                429,
                                "RESOURCE_EXHAUSTED",
                                "too many "
                                        + RateLimitProperties.policyName(rateClass)
                                        + " requests from this client; retry after "
                                        + seconds(verdict.retryAfter())
                                        + "s",
                                List.of(),
                                headers)));
    }

    private static Map<String, String> headers(
            Verdict verdict, RateClass rateClass, RateLimitProperties.Budget budget) {
        String name = "\"" + RateLimitProperties.policyName(rateClass) + "\"";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "RateLimit-Policy",
                name + ";q=" + budget.burst() + ";w=" + seconds(budget.refill()));
        headers.put(
                "RateLimit",
                name + ";r=" + verdict.remaining() + ";t=" + seconds(verdict.untilFull()));
        return headers;
    }

    /** Whole seconds, rounded up: a client that waits that long finds a token. */
    private static long seconds(Duration duration) {
        long s = duration.toSeconds();
        return duration.minusSeconds(s).isZero() ? s : s + 1;
    }
}
