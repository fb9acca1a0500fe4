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
import redis.clients.jedis.params.SetParams;

/**
 * Counts reader views of published stories without touching the request: a read only queues
 * (story, client fingerprint, time); {@link #flush()} (every flush interval, on one
 * background thread) sends a batch to Redis in two pipelined round trips: SET NX EX per
 * (story, reader) drops repeats within the repeat window, then the new views go into the
 * hourly buckets (per section and overall) and the readers' daily HyperLogLogs.
 * When Redis is away or the queue is full, views are dropped and counted as such.
 */
public class ViewCounter {

  private record View(long id, String section, String client, Instant at) {}

  private final ReadPathProperties.Views config;
  private final GuardedRedis redis;
  private final Clock clock;
  private final ConcurrentLinkedQueue<View> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Counter counted;
  private final Counter repeated;
  private final Counter dropped;

  public ViewCounter(ReadPathProperties.Views config, GuardedRedis redis, Clock clock, MeterRegistry meters) {
    this.config = config;
    this.redis = redis;
    this.clock = clock;
    this.counted = outcome(meters, "counted");
    this.repeated = outcome(meters, "repeat");
    this.dropped = outcome(meters, "dropped");
  }

  /** False when switched off: views are not counted at all. */
  public boolean enabled() {
    return config.enabled();
  }

  /** Queues one view; never blocks, never fails. */
  public void record(StoryRef story, String client) {
    if (queued.incrementAndGet() > config.queueCapacity()) {
      queued.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.add(new View(story.id(), story.section(), client, clock.instant()));
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
    batch.forEach(v -> distinct.putIfAbsent(ReadPathKeys.seen(v.id(), v.client()), v));
    repeated.increment(batch.size() - distinct.size());
    SetParams once = SetParams.setParams().nx().ex(config.repeatWindow().toSeconds());
    List<View> fresh = redis.call(j -> {
      try (AbstractPipeline p = j.pipelined()) {
        Map<View, Response<String>> answers = new LinkedHashMap<>();
        distinct.forEach((key, v) -> answers.put(v, p.set(key, "1", once)));
        p.sync();
        List<View> out = new ArrayList<>();
        answers.forEach((v, answer) -> {
          if (answer.get() != null) {
            out.add(v);
          }
        });
        return out;
      }
    }).orElse(null);
    if (fresh == null) {
      dropped.increment(distinct.size());
      return;
    }
    repeated.increment(distinct.size() - fresh.size());
    if (!fresh.isEmpty() && write(fresh)) {
      counted.increment(fresh.size());
    } else if (!fresh.isEmpty()) {
      dropped.increment(fresh.size());
    }
  }

  /** Bucket increments summed per key first: one ZINCRBY per (bucket, story) per batch. */
  private boolean write(List<View> views) {
    Map<String, Map<String, Integer>> buckets = new HashMap<>();
    Map<String, List<String>> readers = new HashMap<>();
    for (View v : views) {
      long hour = ReadPathKeys.epochHour(v.at());
      String id = Long.toString(v.id());
      for (String section : List.of(v.section(), ReadPathKeys.ALL_SECTIONS)) {
        buckets.computeIfAbsent(ReadPathKeys.views(section, hour), k -> new HashMap<>()).merge(id, 1, Integer::sum);
      }
      readers.computeIfAbsent(ReadPathKeys.readers(v.id(), v.at()), k -> new ArrayList<>()).add(v.client());
    }
    long ttl = config.bucketTtl().toSeconds();
    return redis.run(j -> {
      try (AbstractPipeline p = j.pipelined()) {
        buckets.forEach((key, counts) -> {
          counts.forEach((id, n) -> p.zincrby(key, n, id));
          p.expire(key, ttl);
        });
        readers.forEach((key, clients) -> {
          p.pfadd(key, clients.toArray(String[]::new));
          p.expire(key, ttl);
        });
        p.sync();
      }
    });
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("gateway.views").description("reader views by what became of them")
        .tag("outcome", outcome).register(meters);
  }
}
