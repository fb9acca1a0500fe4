package dev.newsroom.comment.support;

import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis the tests run against: NEWSROOM_TEST_REDIS_URL, as .ci/run provides. Each
 * caller gets its own key prefix, so runs never share buckets. Without the variable the tests
 * are skipped locally and fail in CI.
 */
public final class TestRedis {
    private TestRedis() {
    }

    public static String url() {
        String url = System.getenv("NEWSROOM_TEST_REDIS_URL");
        if (url == null || url.isBlank()) {
            String why = "NEWSROOM_TEST_REDIS_URL is not set: these tests need the real Redis (.ci/run sets it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return url;
    }

    public static String freshPrefix() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }
}
