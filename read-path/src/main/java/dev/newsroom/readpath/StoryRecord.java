package dev.newsroom.readpath;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cached story as stored in Redis: a 19-digit version, a kind ({@code S} story, {@code T}
 * tombstone) and the protobuf bytes. A change writes a tombstone of its new version; a read
 * fills the cache only through {@link #FENCED_SET}, which never replaces a newer version, so a
 * read that raced with a change cannot put the old story back.
 */
public record StoryRecord(long version, byte[] payload) {

    /** KEYS[1] the key; ARGV[1] the record; ARGV[2] TTL in ms. 1 when written. */
    public static final String FENCED_SET =
            """
            local current = redis.call('GET', KEYS[1])
            if current and tonumber(string.sub(current, 1, 19)) > tonumber(string.sub(ARGV[1], 1, 19)) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    private static final int HEADER = 20;

    public static StoryRecord tombstone(long version) {
        return new StoryRecord(version, null);
    }

    public boolean isTombstone() {
        return payload == null;
    }

    public byte[] encode() {
        byte[] head =
                (String.format("%019d", version) + (payload == null ? "T" : "S"))
                        .getBytes(StandardCharsets.US_ASCII);
        if (payload == null) {
            return head;
        }
        byte[] out = Arrays.copyOf(head, HEADER + payload.length);
        System.arraycopy(payload, 0, out, HEADER, payload.length);
        return out;
    }

    /** Null for anything that is not a record (a foreign or truncated value is a miss). */
    public static StoryRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            return null;
        }
        try {
            long version = Long.parseLong(new String(bytes, 0, 19, StandardCharsets.US_ASCII));
            return switch (bytes[19]) {
                case 'T' -> tombstone(version);
                case 'S' ->
                        new StoryRecord(version, Arrays.copyOfRange(bytes, HEADER, bytes.length));
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
