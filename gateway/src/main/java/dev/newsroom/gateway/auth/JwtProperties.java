package dev.newsroom.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are checked ({@code newsroom.gateway.jwt.*} in application.yml).
 * With {@code jwksUri} set, tokens are RS256/ES256-signed by that issuer (production);
 * otherwise HS256 with {@code secret} (local runs and tests).
 */
@ConfigurationProperties("newsroom.gateway.jwt")
public record JwtProperties(
        String secret, String jwksUri, String issuer, String audience, Duration clockSkew) {

    /** The HS256 secret that application.yml falls back to: fine on a laptop, never in production. */
    public static final String LOCAL_DEV_SECRET =
            "local-dev-only-newsroom-jwt-secret-change-me-0123456789";

    public JwtProperties {
        secret = secret == null || secret.isBlank() ? LOCAL_DEV_SECRET : secret;
        jwksUri = jwksUri == null || jwksUri.isBlank() ? null : jwksUri;
        issuer = issuer == null || issuer.isBlank() ? "newsroom-local" : issuer;
        audience = audience == null || audience.isBlank() ? "newsroom" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
