package dev.newsroom.gateway.readpath;

import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.ReadPathKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.SetParams;

/**
 * Counts reader views of published stories without touching the request: a read only queues
 * (story, reader hash, client hash, time); {@link #flush()} (every flush interval, on one
 * background thread) sends a batch to Redis in three pipelined round trips: SET NX EX per
 * (story, reader) drops repeats within the repeat window, then the new views go into the
 * hourly buckets (per section and overall) and the readers' daily HyperLogLogs.
 * The reader is address + User-Agent, so two people behind one address count twice; but
 * one address is credited with at most {@code per-address-cap} views (and readers) of a
 * story per window (INCR EX per story and address), whatever User-Agents it sends.
 * When Redis is away or the queue is full, views are dropped and counted as such.
 */
public class ViewCounter {

    /** reader: address + User-Agent hash (de-duplication); client: the address hash (the cap). */
    private record View(long id, String section, String reader, String client, Instant at) {}

    private final ReadPathProperties.Views config;
    private final GuardedRedis redis;
    private final Clock clock;
    private final ConcurrentLinkedQueue<View> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter counted;
    private final Counter repeated;
    private final Counter dropped;
    private final Counter capped;

    public ViewCounter(
            ReadPathProperties.Views config,
            GuardedRedis redis,
            Clock clock,
            MeterRegistry meters) {
        this.config = config;
        this.redis = redis;
        this.clock = clock;
        this.counted = outcome(meters, "counted");
        this.repeated = outcome(meters, "repeat");
        this.dropped = outcome(meters, "dropped");
        this.capped = outcome(meters, "capped");
    }

    /** False when switched off: views are not counted at all. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Queues one view of {@code reader} at address {@code client}; never blocks, never fails. */
    public void record(StoryRef story, String reader, String client) {
        if (queued.incrementAndGet() > config.queueCapacity()) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(new View(story.id(), story.section(), reader, client, clock.instant()));
    }

    /** Sends everything queued so far, in batches. */
    public void flush() {
        List<View> batch;
        while (!(batch = drain()).isEmpty()) {
            send(batch);
        }
    }

    private List<View> drain() {
        List<View> batch = new ArrayList<>();
        View v;
        while (batch.size() < config.batchSize() && (v = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(v);
        }
        return batch;
    }

    private void send(List<View> batch) {
        Map<String, View> distinct = new LinkedHashMap<>();
        batch.forEach(v -> distinct.putIfAbsent(ReadPathKeys.seen(v.id(), v.reader()), v));
        repeated.increment(batch.size() - distinct.size());
        SetParams once = SetParams.setParams().nx().ex(config.repeatWindow().toSeconds());
        List<View> fresh =
                redis.call(
                                j -> {
                                    try (AbstractPipeline p = j.pipelined()) {
                                        Map<View, Response<String>> answers = new LinkedHashMap<>();
                                        distinct.forEach(
                                                (key, v) -> answers.put(v, p.set(key, "1", once)));
                                        p.sync();
                                        List<View> out = new ArrayList<>();
                                        answers.forEach(
                                                (v, answer) -> {
                                                    if (answer.get() != null) {
                                                        out.add(v);
                                                    }
                                                });
                                        return out;
                                    }
                                })
                        .orElse(null);
        if (fresh == null) {
            dropped.increment(distinct.size());
            return;
        }
        repeated.increment(distinct.size() - fresh.size());
        fresh = withinCap(fresh);
        if (fresh == null) {
            return;
        }
        if (!fresh.isEmpty() && write(fresh)) {
            counted.increment(fresh.size());
        } else if (!fresh.isEmpty()) {
            dropped.increment(fresh.size());
        }
    }

    /**
     * The fresh views whose address is still under the cap for their story: one pipelined
     * INCR (+ EXPIRE on the first) per view; null (all dropped) when Redis is away.
     */
    private List<View> withinCap(List<View> fresh) {
        if (fresh.isEmpty()) {
            return fresh;
        }
        long window = config.repeatWindow().toSeconds();
        List<View> allowed =
                redis.call(
                                j -> {
                                    try (AbstractPipeline p = j.pipelined()) {
                                        Map<View, Response<Long>> counts = new LinkedHashMap<>();
                                        for (View v : fresh) {
                                            String key = ReadPathKeys.viewsFrom(v.id(), v.client());
                                            counts.put(v, p.incr(key));
                                            p.expire(key, window, ExpiryOption.NX);
                                        }
                                        p.sync();
                                        List<View> out = new ArrayList<>();
                                        counts.forEach(
                                                (v, count) -> {
                                                    if (count.get() <= config.perAddressCap()) {
                                                        out.add(v);
                                                    }
                                                });
                                        return out;
                                    }
                                })
                        .orElse(null);
        if (allowed == null) {
            dropped.increment(fresh.size());
            return null;
        }
        capped.increment(fresh.size() - allowed.size());
        return allowed;
    }

    /** Bucket increments summed per key first: one ZINCRBY per (bucket, story) per batch. */
    private boolean write(List<View> views) {
        Map<String, Map<String, Integer>> buckets = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (View v : views) {
            long hour = ReadPathKeys.epochHour(v.at());
            String id = Long.toString(v.id());
            for (String section : List.of(v.section(), ReadPathKeys.ALL_SECTIONS)) {
                buckets.computeIfAbsent(ReadPathKeys.views(section, hour), k -> new HashMap<>())
                        .merge(id, 1, Integer::sum);
            }
            readers.computeIfAbsent(ReadPathKeys.readers(v.id(), v.at()), k -> new ArrayList<>())
                    .add(v.reader());
        }
        long ttl = config.bucketTtl().toSeconds();
        return redis.run(
                j -> {
                    try (AbstractPipeline p = j.pipelined()) {
                        buckets.forEach(
                                (key, counts) -> {
                                    counts.forEach((id, n) -> p.zincrby(key, n, id));
                                    p.expire(key, ttl);
                                });
                        readers.forEach(
                                (key, clients) -> {
                                    p.pfadd(key, clients.toArray(String[]::new));
                                    p.expire(key, ttl);
                                });
                        p.sync();
                    }
                });
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("gateway.views")
                .description("reader views by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }
}
