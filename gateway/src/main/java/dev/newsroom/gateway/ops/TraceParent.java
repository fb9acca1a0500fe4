package dev.newsroom.gateway.ops;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} header: the client's trace continues through the
 * gateway with a new span id for this hop; without a valid one, a new trace starts.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    /** The context to forward: continues {@code header} when it is valid, else a fresh trace. */
    public static TraceParent continueOrStart(String header) {
        if (header != null) {
            var m = FORMAT.matcher(header.trim());
            if (m.matches()
                    && !m.group(1).equals("ff")
                    && !isZero(m.group(2))
                    && !isZero(m.group(3))
                    && (m.group(1).equals("00") ? m.group(5) == null : true)) {
                return new TraceParent(m.group(2), randomHex(8), m.group(4));
            }
        }
        return new TraceParent(randomHex(16), randomHex(8), "01");
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    /**
     * Random, never all zero. Trace and span ids need uniqueness, not secrecy (W3C Trace Context
     * asks for randomness, not a cryptographic source): ThreadLocalRandom, not SecureRandom, whose
     * shared /dev/urandom reader was a lock every request took.
     */
    static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(buffer);
        } while (isZero(HexFormat.of().formatHex(buffer)));
        return HexFormat.of().formatHex(buffer);
    }
}
