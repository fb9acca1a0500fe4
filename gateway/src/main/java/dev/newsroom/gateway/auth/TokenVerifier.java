package dev.newsroom.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.newsroom.gateway.errors.ApiError;
import dev.newsroom.gateway.errors.ApiException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs with nimbus-jose-jwt: signature (HS256 secret, or RS256/ES256 keys from
 * the issuer's JWKS), {@code exp}/{@code nbf}, {@code iss}, {@code aud}, and a {@code sub}.
 */
public class TokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

    /** Subjects and roles travel as gRPC ASCII metadata. */
    private static final Pattern METADATA_SAFE = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final boolean remoteKeys;

    public TokenVerifier(JwtProperties properties) {
        if (properties.jwksUri() != null) {
            try {
                var keys =
                        JWKSourceBuilder.<SecurityContext>create(
                                        URI.create(properties.jwksUri()).toURL())
                                .retrying(true)
                                .build();
                processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(
                                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "newsroom.gateway.jwt.jwks-uri is not a URL: " + properties.jwksUri(), e);
            }
            remoteKeys = true;
        } else {
            byte[] secret = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException(
                        "newsroom.gateway.jwt.secret must be at least 32 bytes for HS256");
            }
            if (JwtProperties.LOCAL_DEV_SECRET.equals(properties.secret())) {
                log.warn(
                        "verifying tokens with the LOCAL-DEV JWT secret; set NEWSROOM_JWT_SECRET or NEWSROOM_JWT_JWKS_URI");
            }
            processor.setJWSKeySelector(
                    new JWSVerificationKeySelector<>(
                            JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
            remoteKeys = false;
        }
        var claims =
                new DefaultJWTClaimsVerifier<>(
                        properties.audience(),
                        new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
                        Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** True when verifying may fetch keys over the network (so it must not run on an event loop). */
    public boolean mayBlock() {
        return remoteKeys;
    }

    /** The caller named by {@code token}; a 401 {@link ApiException} when it is not acceptable. */
    public Caller verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (KeySourceException e) {
            log.warn("cannot load the token signing keys: {}", e.toString());
            throw new ApiException(
                    new ApiError(503, "UNAVAILABLE", "cannot verify tokens right now"));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw ApiException.unauthenticated("invalid bearer token: " + e.getMessage(), true);
        }
        try {
            List<String> roles = claims.getStringListClaim("roles");
            roles = roles == null ? List.of() : roles;
            if (!METADATA_SAFE.matcher(claims.getSubject()).matches()
                    || !roles.stream()
                            .allMatch(
                                    r ->
                                            r != null
                                                    && METADATA_SAFE.matcher(r).matches()
                                                    && !r.contains(","))) {
                throw ApiException.unauthenticated(
                        "invalid bearer token: sub and roles must be printable ASCII", true);
            }
            return new Caller(claims.getSubject(), roles);
        } catch (ParseException e) {
            throw ApiException.unauthenticated(
                    "invalid bearer token: roles must be an array of strings", true);
        }
    }
}
