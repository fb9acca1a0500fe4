package dev.newsroom.gateway.ops;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client is, as far as the network can tell: the TCP peer, or, when the peer is a
 * trusted proxy, the nearest hop of {@code X-Forwarded-For} that is not one. The header is
 * read from the right (each proxy appends the address it saw) and the walk stops at the
 * first untrusted hop, so a client cannot put an address of its choosing in front of ours.
 * Nothing the client alone writes (User-Agent, cookies) takes part.
 *
 * <p>{@link #key()} is what rate limits, view caps and the forwarded client hash key on: an
 * IPv4 address, or the /64 of an IPv6 address (one subscriber line gets a whole /64).
 */
public record ClientAddress(InetAddress address, String key) {

    public static final String ATTRIBUTE = ClientAddress.class.getName();
    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** More hops than any real chain of proxies; the rest of a longer header is not read. */
    private static final int MAX_HOPS = 16;

    private static final ClientAddress UNKNOWN = new ClientAddress(null, "unknown");

    /** The exchange's client, resolved once and kept as an attribute. */
    public static ClientAddress of(ServerWebExchange exchange, TrustedProxies trusted) {
        ClientAddress known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        ClientAddress client =
                resolve(peer, exchange.getRequest().getHeaders().get(FORWARDED_FOR), trusted);
        exchange.getAttributes().put(ATTRIBUTE, client);
        return client;
    }

    static ClientAddress resolve(
            InetAddress peer, List<String> forwardedFor, TrustedProxies trusted) {
        if (peer == null) {
            return UNKNOWN;
        }
        InetAddress client = peer;
        if (trusted.contains(peer) && forwardedFor != null) {
            List<String> hops = hops(forwardedFor);
            for (int i = hops.size() - 1; i >= 0 && trusted.contains(client); i--) {
                InetAddress hop = address(hops.get(i));
                if (hop == null) {
                    break; // garbage in the chain: the last trusted hop is as far as we can see
                }
                client = hop;
            }
        }
        return new ClientAddress(client, keyOf(client));
    }

    /** The header's hops in order, the last {@link #MAX_HOPS} of them. */
    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops.size() > MAX_HOPS ? hops.subList(hops.size() - MAX_HOPS, hops.size()) : hops;
    }

    private static InetAddress address(String hop) {
        String host = hop;
        // "1.2.3.4:5678" and "[::1]:5678" carry a port; a bare IPv6 literal has several colons
        if (host.startsWith("[") && host.indexOf(']') > 0) {
            host = host.substring(1, host.indexOf(']'));
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        byte[] bytes = TrustedProxies.literal(host);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** IPv4 as is; IPv6 by its /64 prefix ("2001:db8:1:2::/64"). */
    static String keyOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }
}
