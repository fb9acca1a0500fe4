package dev.newsroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.gateway.testing.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private final TokenVerifier hmac =
            new TokenVerifier(
                    new JwtProperties(
                            TestTokens.SECRET,
                            null,
                            TestTokens.ISSUER,
                            TestTokens.AUDIENCE,
                            Duration.ofSeconds(5)));

    @Test
    void validTokenNamesTheCaller() {
        Caller caller = hmac.verify(TestTokens.token("alice", "editor"));

        assertThat(caller).isEqualTo(new Caller("alice", List.of("editor")));
        assertThat(caller.hasAnyRole(List.of("editor"))).isTrue();
        assertThat(caller.hasAnyRole(List.of("moderator"))).isFalse();
    }

    @Test
    void adminHasEveryRole() {
        assertThat(hmac.verify(TestTokens.token("root", "admin")).hasAnyRole(List.of("moderator")))
                .isTrue();
    }

    @Test
    void tokenWithoutRolesClaimHasNoRoles() {
        String token = TestTokens.builder("bob").with(c -> c.claim("roles", null)).sign();
        assertThat(hmac.verify(token).roles()).isEmpty();
    }

    @Test
    void unsignedOrForeignAlgorithmsAreRejected() {
        String unsigned =
                new com.nimbusds.jwt.PlainJWT(TestTokens.builder("x").claims().build()).serialize();
        assertThatThrownBy(() -> hmac.verify(unsigned)).isInstanceOf(ApiException.class);
    }

    @Test
    void shortSecretsAreRefusedAtStartUp() {
        assertThatThrownBy(
                        () -> new TokenVerifier(new JwtProperties("short", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localDevDefaultsApplyWhenNothingIsConfigured() {
        JwtProperties defaults = new JwtProperties(null, "", null, null, null);
        assertThat(defaults.secret())
                .isEqualTo("local-dev-only-newsroom-jwt-secret-change-me-0123456789");
        assertThat(defaults.issuer()).isEqualTo("newsroom-local");
        assertThat(defaults.audience()).isEqualTo("newsroom");
        assertThat(defaults.jwksUri()).isNull();
    }

    @Test
    void rs256AndEs256TokensAreVerifiedWithTheIssuersJwks() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks =
                new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/jwks.json",
                exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
        server.start();
        try {
            TokenVerifier remote =
                    new TokenVerifier(
                            new JwtProperties(
                                    null,
                                    "http://127.0.0.1:"
                                            + server.getAddress().getPort()
                                            + "/jwks.json",
                                    "https://id.example",
                                    "newsroom",
                                    null));
            var claims =
                    TestTokens.builder("carol", "moderator")
                            .with(c -> c.issuer("https://id.example"))
                            .claims()
                            .build();

            SignedJWT rsaToken =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                            claims);
            rsaToken.sign(new RSASSASigner(rsa));
            SignedJWT ecToken =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                            claims);
            ecToken.sign(new ECDSASigner(ec));

            assertThat(remote.mayBlock()).isTrue();
            assertThat(remote.verify(rsaToken.serialize()).subject()).isEqualTo("carol");
            assertThat(remote.verify(ecToken.serialize()).roles()).containsExactly("moderator");
            String hmacToken =
                    TestTokens.builder("carol").with(c -> c.issuer("https://id.example")).sign();
            assertThatThrownBy(() -> remote.verify(hmacToken)).isInstanceOf(ApiException.class);
        } finally {
            server.stop(0);
        }
    }
}
