package dev.newsroom.gateway.ops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Salted, keyed hashes of who the client is ({@link ClientAddress}), so the raw address is
 * never stored or forwarded:
 * <ul>
 *   <li>{@link #client} — the network address alone (IPv6 by /64): what rate limits and view
 *       caps key on, and what services get as the client in the signed call token. Nothing
 *       the client writes changes it.
 *   <li>{@link #reader} — the address refined by the User-Agent: only tells two readers
 *       behind one address apart for view de-duplication (bounded per address by the cap).
 * </ul>
 */
@Component
public class ClientFingerprint {
    private static final String CLIENT_ATTRIBUTE = ClientFingerprint.class.getName() + ".client";
    private final SecretKeySpec key;
    private final TrustedProxies proxies;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public ClientFingerprint(
            @Value("${newsroom.gateway.client-hash-salt}") String salt,
            ClientIdentityProperties identity) {
        this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.proxies = identity.proxies();
    }

    /** The client's network address, resolved through the trusted proxies. */
    public ClientAddress address(ServerWebExchange exchange) {
        return ClientAddress.of(exchange, proxies);
    }

    /** The hash of the client's address: the key of everything counted per client. */
    public String client(ServerWebExchange exchange) {
        String known = exchange.getAttribute(CLIENT_ATTRIBUTE);
        if (known == null) {
            known = hash(address(exchange).key());
            exchange.getAttributes().put(CLIENT_ATTRIBUTE, known);
        }
        return known;
    }

    /** The hash of address and User-Agent: one reader, for view de-duplication only. */
    public String reader(ServerWebExchange exchange) {
        String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return hash(address(exchange).key() + "|" + (agent == null ? "" : agent));
    }

    /** The proxies whose forwarded headers are believed (for the start-up log). */
    public TrustedProxies proxies() {
        return proxies;
    }

    String hash(String text) {
        byte[] digest = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    /** Mac.getInstance + init costs more than the hash itself; it runs on every counted read. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
