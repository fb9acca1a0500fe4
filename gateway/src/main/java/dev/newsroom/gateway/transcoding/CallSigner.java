package dev.newsroom.gateway.transcoding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsroom.identity.CallTokens;
import java.time.Duration;
import java.util.List;

/**
 * Signs what the gateway forwards (docs/security.md, "Identity between services"): one call
 * token per (audience, subject, roles, client), valid {@link #TTL} and reused for
 * {@link #REUSE}, so a busy reader or editor costs one HMAC signature per few seconds rather
 * than per call, and the service's verification cache sees the same token again. Bounded:
 * the clients of a few seconds.
 */
public class CallSigner {
    /** Lifetime of a token: well under the 60 s the services accept, well over any backend deadline. */
    static final Duration TTL = Duration.ofSeconds(30);

    /** How long one token is handed out again; the service still sees at least TTL - REUSE of validity. */
    static final Duration REUSE = Duration.ofSeconds(5);

    private record Key(String audience, String subject, List<String> roles, String client) {}

    private final CallTokens tokens;
    private final Cache<Key, String> recent =
            Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(REUSE).build();

    public CallSigner(CallTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param audience the route id of the service called (e.g. "article-service"): only that service accepts it
     * @param subject  the verified user, empty for an anonymous reader
     */
    public String sign(String audience, String subject, List<String> roles, String client) {
        return recent.get(
                new Key(audience, subject, List.copyOf(roles), client),
                k -> tokens.sign("gateway", k.audience(), k.subject(), k.roles(), k.client(), TTL));
    }
}
