package dev.newsroom.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signed, short-lived call tokens (a JWT, HS256 with the {@link InternalKey}), carried in the
 * {@value #HEADER} gRPC metadata. The gateway signs one per backend call for the identity it
 * verified at the edge; search- and comment-service sign their own ({@link #SERVICE_ROLE}) for
 * calls to article-service. A service trusts only a token that verifies here: its signature,
 * its audience (the service itself), and a lifetime of at most {@link #MAX_TTL} that has not
 * ended. Anything else makes the caller anonymous (docs/security.md).
 */
public final class CallTokens {
    /** The gRPC metadata key of the token. */
    public static final String HEADER = "x-newsroom-identity";

    /** The role of a service's own calls (e.g. ArticleFeed.Watch); no person holds it, not even admin. */
    public static final String SERVICE_ROLE = "service";

    /** The longest lifetime a token may declare; a longer one is refused. */
    public static final Duration MAX_TTL = Duration.ofSeconds(60);

    /** Clock difference between processes that is still accepted. */
    static final Duration SKEW = Duration.ofSeconds(2);

    /** Verified tokens (the gateway reuses a token for a few seconds), most recent first; bounded. */
    private static final int VERIFIED_MAX = 4096;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Map<String, Verified> verified =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(256, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                            return size() > VERIFIED_MAX;
                        }
                    });

    private record Verified(CallIdentity identity, Instant expires) {}

    public CallTokens(byte[] key, Clock clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable internal key: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    public CallTokens(byte[] key) {
        this(key, Clock.systemUTC());
    }

    /**
     * A token for one call (or, for a service's own identity, for calls within {@code ttl}).
     *
     * @param audience the service it is for (its route id / application name, e.g. "article-service")
     * @param ttl      at most {@link #MAX_TTL}
     */
    public String sign(
            String issuer,
            String audience,
            String subject,
            Collection<String> roles,
            String client,
            Duration ttl) {
        if (ttl.compareTo(MAX_TTL) > 0 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(
                    "a call token lives at most " + MAX_TTL + ", not " + ttl);
        }
        Instant now = clock.instant();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject(subject == null ? "" : subject)
                        .claim("roles", List.copyOf(roles))
                        .claim("client", client == null ? "" : client)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(ttl)))
                        .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a call token", e);
        }
        return jwt.serialize();
    }

    /** The identity in {@code token} if it is valid for {@code audience} now; empty for anything else. */
    public Optional<CallIdentity> verify(String token, String audience) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        String cacheKey = audience + ' ' + token;
        Verified known = verified.get(cacheKey);
        if (known != null) {
            return known.expires().isAfter(clock.instant().minus(SKEW))
                    ? Optional.of(known.identity())
                    : Optional.empty();
        }
        Optional<Verified> checked = check(token, audience);
        checked.ifPresent(v -> verified.put(cacheKey, v));
        return checked.map(Verified::identity);
    }

    private Optional<Verified> check(String token, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            Instant now = clock.instant();
            if (issued == null
                    || expires == null
                    || claims.getAudience() == null
                    || !claims.getAudience().contains(audience)
                    || issued.toInstant().isAfter(now.plus(SKEW))
                    || !expires.toInstant().isAfter(now.minus(SKEW))
                    || Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_TTL)
                            > 0) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim("roles");
            String subject = claims.getSubject();
            String client = claims.getStringClaim("client");
            String issuer = claims.getIssuer();
            return Optional.of(
                    new Verified(
                            new CallIdentity(
                                    issuer == null ? "" : issuer,
                                    subject == null ? "" : subject.strip(),
                                    roles == null ? Set.of() : roles(roles),
                                    client == null ? "" : client),
                            expires.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> roles(List<String> roles) {
        Set<String> out = new HashSet<>();
        for (String r : roles) {
            if (r != null && !r.isBlank()) {
                out.add(r.strip());
            }
        }
        return out;
    }
}
