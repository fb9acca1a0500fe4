package dev.newsroom.readpath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every Redis key and channel of the read path (and comment-service's rate limits), in one place. Keys that one command must
 * touch together share a hash tag, so the same commands work on Redis Cluster: a story's
 * cache record and its daily reader HyperLogLogs are tagged by the story
 * ({@code {s42}}: PFCOUNT over several days is one slot); every hourly view bucket, the
 * ranking's scratch keys and the cached top lists are tagged {@code {hot}} (ZUNIONSTORE
 * over a window is one slot; the price is that ranking lives on one shard).
 */
public final class ReadPathKeys {

    /** Pub/sub channel: article-service publishes the News ID of every changed story. */
    public static final String CHANGES_CHANNEL = "nr:changes";

    /** The section name of the buckets that count every section together. */
    public static final String ALL_SECTIONS = "*";

    private ReadPathKeys() {}

    /** article-service's cached story (a {@link StoryRecord}) by News ID. */
    public static String story(long id) {
        return "nr:story:{s" + id + "}";
    }

    /** The same record by slug (readers open stories by slug as often as by id). */
    public static String storyBySlug(String slug) {
        return "nr:slug:{" + slug + "}";
    }

    /** Marker that one reader (client fingerprint) was counted for one story: SET NX EX. */
    public static String seen(long id, String client) {
        return "nr:seen:{s" + id + "}:" + client;
    }

    /**
     * How many views of one story one client address (its hash) was credited with in the
     * repeat window (INCR, EX): the cap that keeps one machine with many User-Agents from
     * voting a story up.
     */
    public static String viewsFrom(long id, String client) {
        return "nr:views-from:{s" + id + "}:" + client;
    }

    /** Distinct readers of one story on one UTC day (HyperLogLog). */
    public static String readers(long id, LocalDate day) {
        return "nr:readers:{s" + id + "}:" + day;
    }

    public static String readers(long id, Instant at) {
        return readers(id, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** Views per story in one hour (sorted set: member News ID, score views). */
    public static String views(String section, long epochHour) {
        return "nr:{hot}:views:" + section + ":" + epochHour;
    }

    /** Scratch key where one ranking's union is computed (short TTL). */
    public static String union(String purpose, String section, String window) {
        return "nr:{hot}:union:" + purpose + ":" + section + ":" + window;
    }

    /** Hash of ready top lists (field: section|window|limit), dropped on every change. */
    public static String topLists() {
        return "nr:{hot}:top";
    }

    /** Bumped on every change, so a top list computed across a change is not stored. */
    public static String topGeneration() {
        return "nr:{hot}:gen";
    }

    /**
     * comment-service's token bucket of one client fingerprint (hash: tokens, at), shared by
     * its replicas; it expires once the bucket would be full again.
     */
    public static String commentRateOfClient(String clientHash) {
        return "nr:rate:comment:client:" + clientHash;
    }

    /** The same for one story (News ID), against floods from many clients at once. */
    public static String commentRateOfStory(long id) {
        return "nr:rate:comment:story:{s" + id + "}";
    }

    public static long epochHour(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }
}
