package dev.newsroom.gateway.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} the gateway believes, as CIDR ranges
 * ({@code 10.0.0.0/8}, {@code fd00::/8}, a single address). Empty means none: the TCP peer
 * is the client. Parsed once at start-up; a malformed range stops the start.
 */
public final class TrustedProxies {

    /** Loopback, trusted under the local profile so tests and benchmarks can act as many clients. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final List<String> described;

    private TrustedProxies(List<Range> ranges, List<String> described) {
        this.ranges = ranges;
        this.described = described;
    }

    public static TrustedProxies parse(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (String raw : cidrs) {
            String cidr = raw.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(host);
            if (network == null) {
                throw new IllegalStateException(
                        "trusted proxy " + raw + " is not an IP address or CIDR range");
            }
            int bits;
            try {
                bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        "trusted proxy " + raw + " has no valid prefix length", e);
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalStateException(
                        "trusted proxy " + raw + " has no valid prefix length");
            }
            ranges.add(new Range(network, bits));
            described.add(cidr);
        }
        return new TrustedProxies(List.copyOf(ranges), List.copyOf(described));
    }

    public boolean contains(InetAddress address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean none() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return described.isEmpty() ? "none" : String.join(", ", described);
    }

    /**
     * The address an IP literal names, or null: never a DNS lookup (a forwarded header is
     * client text), and IPv4-mapped IPv6 addresses come back as IPv4.
     */
    public static byte[] literal(String text) {
        String host = text.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()
                || host.length() > 45
                || !host.chars()
                        .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        if (host.indexOf(':') < 0 && !host.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return null;
        }
        try {
            // only digits, hex, dots and colons reach here: InetAddress parses a literal, no lookup
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
