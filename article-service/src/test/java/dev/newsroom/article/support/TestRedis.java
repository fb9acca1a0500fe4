package dev.newsroom.article.support;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.RedisClient;

/**
 * The real Redis of the tests: NEWSROOM_TEST_REDIS_URL (the local server in CI), database 9,
 * emptied whenever a service starts, so story ids reused by a fresh schema never meet old
 * cache entries. Without the variable, tests that need Redis are skipped (failed in CI).
 */
public final class TestRedis {
    public static final int DATABASE = 9;

    private TestRedis() {
    }

    /** The URL article-service gets; a port where nothing listens when Redis is not configured. */
    public static String url() {
        String base = System.getenv("NEWSROOM_TEST_REDIS_URL");
        return base == null || base.isBlank() ? "redis://127.0.0.1:1" : base.replaceAll("/+$", "") + "/" + DATABASE;
    }

    public static boolean configured() {
        String base = System.getenv("NEWSROOM_TEST_REDIS_URL");
        return base != null && !base.isBlank();
    }

    public static void requireIt() {
        if (!configured()) {
            String why = "NEWSROOM_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
    }

    public static RedisClient client() {
        return RedisClient.create(URI.create(url()));
    }

    public static void flush() {
        if (configured()) {
            try (RedisClient redis = client()) {
                redis.flushDB();
            }
        }
    }
}
