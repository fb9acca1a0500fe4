package dev.newsroom.gateway.edge;

import dev.newsroom.proto.common.v1.RateClass;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.rate-limit.*}: the per-client token buckets at the edge, one per
 * client address and rate class (the class an RPC declares in its {@code http_semantics}).
 * Every key is commented in application.yml; docs/security.md explains the choice of sizes.
 *
 * @param maxClients most (client, class) buckets kept in memory per gateway (least recent go first)
 */
@ConfigurationProperties("newsroom.gateway.rate-limit")
public record RateLimitProperties(
        Boolean enabled,
        Budget read,
        Budget search,
        Budget write,
        Budget commentPost,
        long maxClients) {

    /**
     * One token bucket: {@code burst} calls at once, refilled at {@code perMinute}.
     */
    public record Budget(int burst, int perMinute) {
        public Budget {
            if (burst <= 0 || perMinute <= 0) {
                throw new IllegalStateException(
                        "a rate budget needs a positive burst and per-minute rate");
            }
        }

        /** Tokens per nanosecond. */
        double perNano() {
            return perMinute / 60e9;
        }

        /** How long an empty bucket takes to fill again: the policy's window. */
        Duration refill() {
            return Duration.ofNanos((long) Math.ceil(burst / perNano()));
        }
    }

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        read = read == null ? new Budget(120, 600) : read;
        search = search == null ? new Budget(20, 60) : search;
        write = write == null ? new Budget(100, 300) : write;
        commentPost = commentPost == null ? new Budget(5, 5) : commentPost;
        maxClients = maxClients <= 0 ? 100_000 : maxClients;
    }

    public Budget budget(RateClass rateClass) {
        return switch (rateClass) {
            case RATE_CLASS_READ -> read;
            case RATE_CLASS_SEARCH -> search;
            case RATE_CLASS_COMMENT_POST -> commentPost;
            default -> write;
        };
    }

    /** The policy name in the RateLimit headers: "read", "search", "write", "comment-post". */
    public static String policyName(RateClass rateClass) {
        return switch (rateClass) {
            case RATE_CLASS_READ -> "read";
            case RATE_CLASS_SEARCH -> "search";
            case RATE_CLASS_COMMENT_POST -> "comment-post";
            default -> "write";
        };
    }
}
