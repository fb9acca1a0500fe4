package dev.newsroom.article.cache;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.newsroom.article.desk.StoryChanges;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.readpath.StoryRecord;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;

/**
 * Published stories as readers get them, cached in Redis as protobuf bytes (docs/architecture.md, decision 4).
 * A miss loads once per key at a time in this process (single flight) and fills through the
 * version fence of {@link StoryRecord}; every change writes a tombstone of its new version
 * and announces the News ID on {@link ReadPathKeys#CHANGES_CHANNEL} before it is acknowledged.
 * A hit is served only if {@link StoryVersions} knows no newer committed version of the story,
 * so a tombstone that never reached Redis cannot bring the old copy back.
 */
@Singleton
public class StoryCache implements StoryChanges {
    private final GuardedRedis redis;
    private final CacheConfig config;
    private final StoryVersions versions;
    private final Map<String, CompletableFuture<Article>> loading = new ConcurrentHashMap<>();

    public StoryCache(GuardedRedis redis, CacheConfig config, StoryVersions versions) {
        this.redis = redis;
        this.config = config;
        this.versions = versions;
    }

    /** A published story by News ID; {@code load} reads the database (and throws NotFound). */
    public Article byId(long id, Supplier<Article> load) {
        return cached(ReadPathKeys.story(id), load);
    }

    public Article bySlug(String slug, Supplier<Article> load) {
        return cached(ReadPathKeys.storyBySlug(slug), load);
    }

    private Article cached(String key, Supplier<Article> load) {
        if (!config.enabled()) {
            return load.get();
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        StoryRecord hit =
                versions.trusted()
                        ? redis.call(jedis -> jedis.get(keyBytes))
                                .map(StoryRecord::decode)
                                .orElse(null)
                        : null;
        if (hit != null && !hit.isTombstone()) {
            try {
                Article cached = Article.parseFrom(hit.payload());
                if (!versions.outdated(cached.getId(), hit.version())) {
                    return cached;
                }
                // older than a committed change whose tombstone never reached Redis: a miss,
                // and the fill below replaces it (the fence lets a newer version in)
            } catch (InvalidProtocolBufferException e) {
                // a record we cannot read is a miss; the fill below replaces it
            }
        }
        CompletableFuture<Article> mine = new CompletableFuture<>();
        CompletableFuture<Article> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            Article article = load.get();
            fill(keyBytes, article);
            mine.complete(article);
            return article;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private void fill(byte[] key, Article article) {
        if (article.getStatus() != Article.Status.PUBLISHED) {
            return;
        }
        byte[] record = new StoryRecord(article.getVersion(), article.toByteArray()).encode();
        redis.run(
                jedis ->
                        jedis.eval(
                                StoryRecord.FENCED_SET.getBytes(StandardCharsets.UTF_8),
                                List.of(key),
                                List.of(record, ttlMillis())));
    }

    /**
     * Fences the old copies off in this replica first (the other replicas read it from the
     * outbox), then tombstones the story under both its keys, drops the ready top lists and
     * tells the gateways. The Redis part may fail (Redis paused or gone): the fence still
     * holds, so the change is acknowledged either way (docs/read-path.md, "200 means done").
     */
    @Override
    public void changed(long id, String slug, long version) {
        versions.changed(id, version);
        byte[] tombstone = StoryRecord.tombstone(version).encode();
        byte[] script = StoryRecord.FENCED_SET.getBytes(StandardCharsets.UTF_8);
        redis.run(
                jedis -> {
                    try (AbstractPipeline p = jedis.pipelined()) {
                        p.eval(
                                script,
                                List.of(bytes(ReadPathKeys.story(id))),
                                List.of(tombstone, ttlMillis()));
                        if (slug != null && !slug.isEmpty()) {
                            p.eval(
                                    script,
                                    List.of(bytes(ReadPathKeys.storyBySlug(slug))),
                                    List.of(tombstone, ttlMillis()));
                        }
                        p.incr(ReadPathKeys.topGeneration());
                        p.del(ReadPathKeys.topLists());
                        p.publish(ReadPathKeys.CHANGES_CHANNEL, Long.toString(id));
                        p.sync();
                    }
                });
    }

    private byte[] ttlMillis() {
        long jitter = config.jitter().toMillis();
        long ttl =
                config.ttl().toMillis()
                        + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter) : 0);
        return Long.toString(ttl).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static Article join(CompletableFuture<Article> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
