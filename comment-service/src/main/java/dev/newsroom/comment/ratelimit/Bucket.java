package dev.newsroom.comment.ratelimit;

/**
 * A token bucket: {@code burst} posts at once, refilled at {@code perMinute} posts a minute.
 * The refill rate is in tokens per millisecond, the unit both limiters compute in.
 */
public record Bucket(int burst, int perMinute) {
    public Bucket {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1 and perMinute >= 1");
        }
    }

    double tokensPerMilli() {
        return perMinute / 60_000.0;
    }

    /** How long an idle bucket takes to fill up again: longer than that, its state is useless. */
    long fullAfterMillis() {
        return (long) Math.ceil(burst / tokensPerMilli());
    }
}
