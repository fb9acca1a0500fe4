package dev.newsroom.gateway.testing;

import java.net.URI;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.RedisClient;

/**
 * The real Redis of the gateway's tests: NEWSROOM_TEST_REDIS_URL, database 10 (article-service's
 * own tests use 9), so cache entries of earlier runs never meet stories of a fresh database.
 * Without the variable: a port where nothing listens, which the read path must survive.
 */
public final class TestRedis {
  public static final int DATABASE = 10;
  /** Nothing listens on port 1: connections are refused at once. */
  public static final String CLOSED_PORT = "redis://127.0.0.1:1";

  private TestRedis() {
  }

  public static String url() {
    String base = System.getenv("NEWSROOM_TEST_REDIS_URL");
    return base == null || base.isBlank() ? CLOSED_PORT : base.replaceAll("/+$", "") + "/" + DATABASE;
  }

  /** Skips the test (fails it in CI) when the real Redis is not configured. */
  public static void require() {
    String base = System.getenv("NEWSROOM_TEST_REDIS_URL");
    if (base == null || base.isBlank()) {
      String why = "NEWSROOM_TEST_REDIS_URL is not set: these tests need the real Redis (.ci/run sets it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
  }

  public static RedisClient client() {
    return RedisClient.create(URI.create(url()));
  }

  public static void flush() {
    if (!url().equals(CLOSED_PORT)) {
      try (RedisClient redis = client()) {
        redis.flushDB();
      }
    }
  }
}
