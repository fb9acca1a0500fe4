package dev.newsroom.article.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.newsroom.article.desk.Archive;
import dev.newsroom.article.desk.Sections;
import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryException;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.HotStories;
import dev.newsroom.proto.article.v1.HotStory;
import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.HotWindow;
import dev.newsroom.readpath.ReadPathKeys;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.resps.Tuple;

/**
 * The hot list: hourly view buckets (written by the gateways) united with time-decayed
 * weights, the best candidates checked against the archive (withdrawn or unpublished stories
 * never appear), ready lists kept in Redis for {@code top-ttl}. Without Redis: the last list
 * this replica knew, marked stale, or an empty one. The section must be a known one and the
 * window one of the enumeration (INVALID_ARGUMENT naming the field otherwise), so no state
 * here or in Redis is keyed by text a client made up, and the last known lists are a
 * bounded cache ({@code last-known-lists}).
 */
@Singleton
public class HotRanking {
    /** Candidates read per wanted story, so withdrawn ones can be skipped. */
    private static final int CANDIDATES_PER_STORY = 3;

    private static final long UNION_TTL_MILLIS = 10_000;

    /** KEYS[1] top lists, KEYS[2] generation; ARGV: generation seen, field, list, ttl ms. */
    private static final String STORE_IF_UNCHANGED =
            """
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            return 1
            """;

    private final GuardedRedis redis;
    private final Archive archive;
    private final Clock clock;
    private final HotConfig config;
    private final Sections sections;
    private final Cache<String, HotStories> lastKnown;

    public HotRanking(
            GuardedRedis redis, Archive archive, Sections sections, Clock clock, HotConfig config) {
        this.redis = redis;
        this.archive = archive;
        this.sections = sections;
        this.clock = clock;
        this.config = config;
        this.lastKnown = Caffeine.newBuilder().maximumSize(config.lastKnownLists()).build();
    }

    public HotStories topFor(String section, String windowLabel, int limit) {
        HotWindow window =
                HotWindow.parse(windowLabel)
                        .orElseThrow(
                                () -> StoryException.Invalid.of("window", "must be 1h, 24h or 7d"));
        if (limit < 0 || limit > config.maxLimit()) {
            throw StoryException.Invalid.of("limit", "must be between 1 and " + config.maxLimit());
        }
        int size = limit == 0 ? config.defaultLimit() : limit;
        String sec =
                section == null || section.isBlank() ? ReadPathKeys.ALL_SECTIONS : section.strip();
        if (!sec.equals(ReadPathKeys.ALL_SECTIONS) && !sections.ids().contains(sec)) {
            throw StoryException.Invalid.of(
                    "section", "must be empty or one of " + String.join(", ", sections.ids()));
        }
        String field = sec + "|" + window.label() + "|" + size;
        Optional<HotStories> answer = ready(field).or(() -> compute(sec, window, size, field));
        answer.ifPresent(list -> lastKnown.put(field, list));
        return answer.orElseGet(
                () ->
                        Optional.ofNullable(lastKnown.getIfPresent(field))
                                .orElseGet(
                                        () ->
                                                HotStories.newBuilder()
                                                        .setWindow(window.label())
                                                        .setSection(
                                                                sec.equals(
                                                                                ReadPathKeys
                                                                                        .ALL_SECTIONS)
                                                                        ? ""
                                                                        : sec)
                                                        .build())
                                .toBuilder()
                                .setStale(true)
                                .build());
    }

    /** Lists remembered for answering without Redis (a bounded cache; for tests of that bound). */
    long lastKnownLists() {
        lastKnown.cleanUp();
        return lastKnown.estimatedSize();
    }

    private Optional<HotStories> ready(String field) {
        return redis.call(j -> j.hget(bytes(ReadPathKeys.topLists()), bytes(field)))
                .flatMap(
                        bytes -> {
                            try {
                                return Optional.of(HotStories.parseFrom(bytes));
                            } catch (InvalidProtocolBufferException e) {
                                return Optional.empty();
                            }
                        });
    }

    private Optional<HotStories> compute(String sec, HotWindow window, int size, String field) {
        Instant now = clock.instant();
        Optional<String> generation =
                redis.call(
                        j -> Optional.ofNullable(j.get(ReadPathKeys.topGeneration())).orElse("0"));
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        List<HotWindow.Bucket> buckets =
                window.buckets(now, config.halfLife().toSeconds() / 3600.0);
        String[] keys =
                buckets.stream()
                        .map(b -> ReadPathKeys.views(sec, b.epochHour()))
                        .toArray(String[]::new);
        String rankKey = ReadPathKeys.union("rank", sec, window.label());
        String viewKey = ReadPathKeys.union("views", sec, window.label());
        Optional<List<Tuple>> ranked =
                redis.call(
                        j -> {
                            try (AbstractPipeline p = j.pipelined()) {
                                p.zunionstore(
                                        rankKey,
                                        new ZParams()
                                                .weights(
                                                        buckets.stream()
                                                                .mapToDouble(
                                                                        HotWindow.Bucket
                                                                                ::rankWeight)
                                                                .toArray()),
                                        keys);
                                p.zunionstore(
                                        viewKey,
                                        new ZParams()
                                                .weights(
                                                        buckets.stream()
                                                                .mapToDouble(
                                                                        HotWindow.Bucket
                                                                                ::viewWeight)
                                                                .toArray()),
                                        keys);
                                p.pexpire(rankKey, UNION_TTL_MILLIS);
                                p.pexpire(viewKey, UNION_TTL_MILLIS);
                                Response<List<Tuple>> top =
                                        p.zrevrangeWithScores(
                                                rankKey, 0, (long) size * CANDIDATES_PER_STORY - 1);
                                p.sync();
                                return top.get();
                            }
                        });
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = ranked.get().stream().map(t -> Long.parseLong(t.getElement())).toList();
        Map<Long, Story> published =
                archive.published(ids).stream()
                        .collect(Collectors.toMap(Story::id, Function.identity()));
        List<Story> chosen =
                ids.stream()
                        .filter(published::containsKey)
                        .map(published::get)
                        .limit(size)
                        .toList();
        Optional<List<HotStory>> items =
                redis.call(j -> counts(j, chosen, viewKey, days(now, window)));
        if (items.isEmpty()) {
            return Optional.empty();
        }
        HotStories list =
                HotStories.newBuilder()
                        .addAllStories(items.get())
                        .setWindow(window.label())
                        .setSection(sec.equals(ReadPathKeys.ALL_SECTIONS) ? "" : sec)
                        .build();
        redis.run(
                j ->
                        j.eval(
                                bytes(STORE_IF_UNCHANGED),
                                List.of(
                                        bytes(ReadPathKeys.topLists()),
                                        bytes(ReadPathKeys.topGeneration())),
                                List.of(
                                        bytes(generation.get()),
                                        bytes(field),
                                        list.toByteArray(),
                                        bytes(Long.toString(config.topTtl().toMillis())))));
        return Optional.of(list);
    }

    /** Views in the window and approximate distinct readers of each chosen story, in one round trip. */
    private static List<HotStory> counts(
            redis.clients.jedis.UnifiedJedis j,
            List<Story> chosen,
            String viewKey,
            List<LocalDate> days) {
        List<HotStory> items = new ArrayList<>(chosen.size());
        try (AbstractPipeline p = j.pipelined()) {
            List<Response<Double>> views = new ArrayList<>();
            List<Response<Long>> readers = new ArrayList<>();
            for (Story s : chosen) {
                views.add(p.zscore(viewKey, Long.toString(s.id())));
                readers.add(
                        p.pfcount(
                                days.stream()
                                        .map(d -> ReadPathKeys.readers(s.id(), d))
                                        .toArray(String[]::new)));
            }
            p.sync();
            for (int i = 0; i < chosen.size(); i++) {
                Double v = views.get(i).get();
                items.add(
                        HotStory.newBuilder()
                                .setStory(summary(chosen.get(i)))
                                .setViews(v == null ? 0 : Math.round(v))
                                .setUniqueReaders(readers.get(i).get())
                                .build());
            }
        }
        return items;
    }

    private static List<LocalDate> days(Instant now, HotWindow window) {
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first =
                LocalDate.ofInstant(now.minusSeconds(window.hours() * 3600L), ZoneOffset.UTC);
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static Article summary(Story s) {
        Article.Builder b =
                Article.newBuilder()
                        .setId(s.id())
                        .setSlug(s.slug())
                        .setHeadline(s.headline())
                        .setSection(s.section());
        if (s.publishTime() != null) {
            b.setPublishTime(
                    Timestamp.newBuilder()
                            .setSeconds(s.publishTime().getEpochSecond())
                            .setNanos(s.publishTime().getNano()));
        }
        return b.build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
