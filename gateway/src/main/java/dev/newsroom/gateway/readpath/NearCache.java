package dev.newsroom.gateway.readpath;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.newsroom.gateway.ops.ClientUri;
import dev.newsroom.gateway.transcoding.Rendered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's in-process cache of public answers (anonymous GETs of the RPCs whose contract
 * declares {@code near_cache}: stories and the hot list), so a hot read crosses no process
 * boundary. Bounded (Caffeine, W-TinyLFU), kept for a short TTL as the backstop, and evicted
 * on every change: directly
 * when this replica carried the edit, through Redis pub/sub ({@link ChangeSubscriber}) when
 * another did. An answer fetched across an eviction is not stored (the eviction epoch moved).
 */
public class NearCache {

    /**
     * One cached answer. An {@code item} (one resource) is kept for the item TTL and evicted when
     * its {@code story} changes; anything else (lists), or an item about no known story, by every
     * change. {@code countsView}: a hit about a published story is a reader view.
     */
    public record Entry(Rendered response, StoryRef story, boolean item, boolean countsView) {

        boolean evictedBy(long changed) {
            return !item || story == null || story.id() == changed;
        }
    }

    /**
     * The cache key of a request: the path and query exactly as the client sent them, also
     * after a route filter rewrote the request (the same key before and after routing).
     */
    public static String key(ServerWebExchange exchange) {
        URI uri = ClientUri.of(exchange);
        return uri.getRawPath() + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    private final boolean enabled;
    private final Cache<String, Entry> entries;
    private final AtomicLong epoch = new AtomicLong();

    /** Loads in flight, with the eviction epoch they started in: a later reader never joins an older one. */
    private record Inflight(long epoch, Mono<Entry> answer) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Inflight> loading =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    public NearCache(ReadPathProperties.NearCache config, MeterRegistry meters) {
        this.enabled = config.enabled();
        java.time.Duration itemTtl = config.itemTtl();
        java.time.Duration listTtl = config.listTtl();
        this.entries =
                Caffeine.newBuilder()
                        .maximumSize(config.maxEntries())
                        .expireAfter(
                                Expiry.<String, Entry>creating(
                                        (key, entry) -> entry.item() ? itemTtl : listTtl))
                        .build();
        this.hits =
                Counter.builder("gateway.near_cache.requests")
                        .tag("result", "hit")
                        .register(meters);
        this.misses =
                Counter.builder("gateway.near_cache.requests")
                        .tag("result", "miss")
                        .register(meters);
    }

    /** False when switched off: nothing is kept, every read calls the service. */
    public boolean enabled() {
        return enabled;
    }

    public Entry get(String key) {
        Entry entry = entries.getIfPresent(key);
        (entry != null ? hits : misses).increment();
        return entry;
    }

    /** Whether an answer is kept under {@code key}; counts nothing (the rate limiter asks). */
    public boolean contains(String key) {
        return enabled && entries.getIfPresent(key) != null;
    }

    /** Like {@link #get} for a lookup whose miss is looked up again later: counts hits only. */
    public Entry hit(String key) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.getIfPresent(key);
        if (entry != null) {
            hits.increment();
        }
        return entry;
    }

    /**
     * After a miss: the answer {@code load} fetches and this cache keeps; concurrent misses of one
     * key share a single load (an expired hot story costs one backend call, not one per client).
     */
    public Mono<Entry> load(String key, Supplier<Mono<Entry>> load) {
        long before = epoch();
        return loading.compute(
                        key,
                        (k, current) ->
                                current != null && current.epoch() == before
                                        ? current
                                        : start(k, before, load))
                .answer();
    }

    private Inflight start(String key, long before, Supplier<Mono<Entry>> load) {
        Inflight[] self = new Inflight[1];
        self[0] =
                new Inflight(
                        before,
                        Mono.defer(load)
                                .doOnNext(entry -> put(key, before, entry))
                                .doFinally(signal -> loading.remove(key, self[0]))
                                .cache());
        return self[0];
    }

    /** Read before calling the backend; hand it back to {@link #put}. */
    public long epoch() {
        return epoch.get();
    }

    /** Keeps an answer unless an eviction happened since {@code epochBefore}. */
    public void put(String key, long epochBefore, Entry entry) {
        if (epoch.get() == epochBefore) {
            entries.put(key, entry);
            if (epoch.get() != epochBefore) {
                entries.invalidate(key);
            }
        }
    }

    /** Drops the answers about story {@code id} and every list (a change may move it in any list). */
    public void evict(long id) {
        epoch.incrementAndGet();
        entries.asMap().values().removeIf(e -> e.evictedBy(id));
    }

    public void evictAll() {
        epoch.incrementAndGet();
        entries.invalidateAll();
    }

    public long size() {
        return entries.estimatedSize();
    }
}
