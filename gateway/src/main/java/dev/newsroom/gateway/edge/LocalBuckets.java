package dev.newsroom.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The in-process token buckets, one per (client, class), in a Caffeine map bounded in size
 * and dropped once idle long enough to be full again (a dropped bucket is a full one, so
 * forgetting it changes nothing). In front of the shared Redis buckets: a client over its
 * budget is refused here without a round trip, near-cache hits spend only from here, and
 * while Redis is away these are the limit.
 */
final class LocalBuckets {

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Cache<String, Bucket> buckets;
    private final LongSupplier nanos;

    LocalBuckets(long maxClients, Duration idle, LongSupplier nanos) {
        this.buckets =
                Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idle).build();
        this.nanos = nanos;
    }

    Verdict take(String key, RateLimitProperties.Budget budget) {
        long now = nanos.getAsLong();
        Bucket bucket = buckets.get(key, k -> new Bucket(budget.burst(), now));
        synchronized (bucket) {
            double rate = budget.perNano();
            bucket.tokens = Math.min(budget.burst(), bucket.tokens + (now - bucket.at) * rate);
            bucket.at = now;
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            Duration retry =
                    allowed
                            ? Duration.ZERO
                            : Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / rate));
            Duration full =
                    Duration.ofNanos((long) Math.ceil((budget.burst() - bucket.tokens) / rate));
            return new Verdict(allowed, (long) Math.floor(bucket.tokens), retry, full);
        }
    }
}
