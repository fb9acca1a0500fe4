package dev.newsroom.gateway.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens the way the identity provider of a local run would. */
public final class TestTokens {

    /** The secret the integration tests configure (not the local-dev default, to prove it is overridable). */
    public static final String SECRET = "gateway-tests-only-secret-0123456789-abcdefghij";

    public static final String ISSUER = "newsroom-local";
    public static final String AUDIENCE = "newsroom";

    private TestTokens() {}

    public static String token(String subject, String... roles) {
        return builder(subject, roles).sign(SECRET);
    }

    public static Claims builder(String subject, String... roles) {
        return new Claims(
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                        .claim("roles", List.of(roles)));
    }

    /** A claims set to adjust before signing. */
    public record Claims(JWTClaimsSet.Builder claims) {

        public Claims with(java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
            return new Claims(change.apply(claims));
        }

        public String sign(String secret) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
                jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public String sign() {
            return sign(SECRET);
        }
    }
}
