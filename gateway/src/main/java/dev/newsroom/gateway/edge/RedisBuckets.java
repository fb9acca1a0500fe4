package dev.newsroom.gateway.edge;

import dev.newsroom.readpath.GuardedRedis;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The shared token buckets in Redis, so a client's budget is one across all gateway
 * replicas: one Lua script per check takes a token atomically, on Redis's own clock, and
 * gives the key a TTL of one full refill (an idle client's bucket disappears). Through the
 * guarded client: when Redis is away, slow or failing, {@link #take} answers null and the
 * in-process buckets alone decide.
 */
final class RedisBuckets {

    /** KEYS[1] bucket; ARGV burst, tokens per microsecond, TTL in ms. Returns {allowed, tokens x1000, retry µs, full µs}. */
    static final String SCRIPT =
            """
      local burst = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(b[1])
      local at = tonumber(b[2])
      if tokens == nil or at == nil then
        tokens = burst
        at = now
      end
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local allowed = 0
      local retry = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        retry = math.ceil((1 - tokens) / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return {allowed, math.floor(tokens * 1000), retry, math.ceil((burst - tokens) / rate)}
      """;

    private final GuardedRedis redis;
    private volatile String sha;

    RedisBuckets(GuardedRedis redis) {
        this.redis = redis;
    }

    /** Blocking (one round trip): call it off the event loop. Null when Redis cannot answer. */
    Verdict take(String key, RateLimitProperties.Budget budget) {
        List<String> args =
                List.of(
                        Integer.toString(budget.burst()),
                        Double.toString(budget.perNano() * 1000),
                        Long.toString(budget.refill().toMillis() + 1000));
        return redis.call(
                        jedis -> {
                            Object answer;
                            String known = sha;
                            try {
                                answer =
                                        known == null
                                                ? null
                                                : jedis.evalsha(known, List.of(key), args);
                            } catch (JedisNoScriptException e) {
                                answer = null;
                            }
                            if (answer == null) {
                                sha = jedis.scriptLoad(SCRIPT);
                                answer = jedis.evalsha(sha, List.of(key), args);
                            }
                            List<?> values = (List<?>) answer;
                            boolean allowed = ((Long) values.get(0)) == 1;
                            long remaining = ((Long) values.get(1)) / 1000;
                            return new Verdict(
                                    allowed,
                                    remaining,
                                    Duration.ofNanos((Long) values.get(2) * 1000),
                                    Duration.ofNanos((Long) values.get(3) * 1000));
                        })
                .orElse(null);
    }
}
