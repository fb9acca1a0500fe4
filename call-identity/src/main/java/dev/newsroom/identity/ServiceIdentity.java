package dev.newsroom.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A service's own identity for its calls to another service: subject = the service's name,
 * role {@link CallTokens#SERVICE_ROLE}. One token per audience is signed for
 * {@link CallTokens#MAX_TTL} and reused for half of it, so a long-running caller re-signs
 * twice a minute instead of per call.
 */
public final class ServiceIdentity {
    private final CallTokens tokens;
    private final String name;
    private final Clock clock;
    private final ConcurrentMap<String, Signed> byAudience = new ConcurrentHashMap<>();

    private record Signed(String token, Instant renewAt) {}

    public ServiceIdentity(CallTokens tokens, String name, Clock clock) {
        this.tokens = tokens;
        this.name = name;
        this.clock = clock;
    }

    public ServiceIdentity(CallTokens tokens, String name) {
        this(tokens, name, Clock.systemUTC());
    }

    /** A current token for calls to {@code audience}. */
    public String tokenFor(String audience) {
        Instant now = clock.instant();
        Signed s = byAudience.get(audience);
        if (s == null || !now.isBefore(s.renewAt())) {
            Duration ttl = CallTokens.MAX_TTL;
            s =
                    new Signed(
                            tokens.sign(
                                    name,
                                    audience,
                                    name,
                                    List.of(CallTokens.SERVICE_ROLE),
                                    "service:" + name,
                                    ttl),
                            now.plus(ttl.dividedBy(2)));
            byAudience.put(audience, s);
        }
        return s.token();
    }

    public String name() {
        return name;
    }
}
