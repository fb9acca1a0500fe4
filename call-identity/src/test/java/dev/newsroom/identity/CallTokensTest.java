package dev.newsroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallTokensTest {
    private static final byte[] KEY =
            "a-test-key-of-more-than-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final CallTokens tokens = new CallTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aValidTokenGivesItsIdentityToItsAudience() {
        String t =
                tokens.sign(
                        "gateway",
                        "comment-service",
                        "mod-1",
                        List.of("moderator"),
                        "fp-1",
                        Duration.ofSeconds(30));
        assertThat(tokens.verify(t, "comment-service"))
                .contains(new CallIdentity("gateway", "mod-1", Set.of("moderator"), "fp-1"));
    }

    @Test
    void anotherAudienceGetsNothing() {
        String t =
                tokens.sign(
                        "gateway",
                        "comment-service",
                        "mod-1",
                        List.of("moderator"),
                        "fp-1",
                        Duration.ofSeconds(30));
        assertThat(tokens.verify(t, "article-service")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNothing() {
        CallTokens past = new CallTokens(KEY, Clock.fixed(NOW.minusSeconds(40), ZoneOffset.UTC));
        String t =
                past.sign(
                        "gateway",
                        "article-service",
                        "e",
                        List.of("editor"),
                        "fp",
                        Duration.ofSeconds(30));
        assertThat(tokens.verify(t, "article-service")).isEmpty();
    }

    @Test
    void aTokenFromAnotherKeyIsNothing() {
        CallTokens other =
                new CallTokens(
                        "another-key-of-more-than-thirty-two-bytes"
                                .getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        String t =
                other.sign(
                        "gateway",
                        "article-service",
                        "e",
                        List.of("admin"),
                        "fp",
                        Duration.ofSeconds(30));
        assertThat(tokens.verify(t, "article-service")).isEmpty();
    }

    @Test
    void anUnsignedOrTamperedTokenIsNothing() {
        String t =
                tokens.sign(
                        "gateway",
                        "article-service",
                        "e",
                        List.of("editor"),
                        "fp",
                        Duration.ofSeconds(30));
        String[] parts = t.split("\\.");
        String forgedClaims =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new String(
                                                Base64.getUrlDecoder().decode(parts[1]),
                                                StandardCharsets.UTF_8)
                                        .replace("editor", "admin")
                                        .getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(parts[0] + "." + forgedClaims + "." + parts[2], "article-service"))
                .isEmpty();
        String none =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(none + "." + parts[1] + ".", "article-service")).isEmpty();
        assertThat(tokens.verify("admin", "article-service")).isEmpty();
        assertThat(tokens.verify("", "article-service")).isEmpty();
        assertThat(tokens.verify(null, "article-service")).isEmpty();
    }

    @Test
    void noTokenLivesLongerThanAMinute() {
        assertThatThrownBy(
                        () ->
                                tokens.sign(
                                        "gateway", "a", "s", List.of(), "", Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceIdentityIsReusedForHalfItsLifeThenRenewed() {
        Instant[] now = {NOW};
        Clock moving =
                new Clock() {
                    @Override
                    public Instant instant() {
                        return now[0];
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                };
        CallTokens signer = new CallTokens(KEY, moving);
        ServiceIdentity search = new ServiceIdentity(signer, "search-service", moving);
        String first = search.tokenFor("article-service");
        assertThat(signer.verify(first, "article-service"))
                .contains(
                        new CallIdentity(
                                "search-service",
                                "search-service",
                                Set.of("service"),
                                "service:search-service"));
        now[0] = NOW.plusSeconds(10);
        assertThat(search.tokenFor("article-service")).isEqualTo(first);
        now[0] = NOW.plusSeconds(31);
        String renewed = search.tokenFor("article-service");
        assertThat(renewed).isNotEqualTo(first);
        assertThat(signer.verify(renewed, "article-service")).isPresent();
    }

    /** Prints what signing and verifying cost; the gateway signs once per backend call. */
    @Test
    void signingAndVerifyingCostMicroseconds() {
        CallTokens live = new CallTokens(KEY);
        int n = 20_000;
        String t = null;
        for (int i = 0; i < n; i++) {
            t =
                    live.sign(
                            "gateway",
                            "article-service",
                            "editor-" + (i % 10),
                            List.of("editor"),
                            "fp-" + i,
                            Duration.ofSeconds(30));
            live.verify(t, "article-service");
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            t =
                    live.sign(
                            "gateway",
                            "article-service",
                            "editor-" + (i % 10),
                            List.of("editor"),
                            "fp-" + i,
                            Duration.ofSeconds(30));
        }
        long signed = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(live.verify(t, "article-service")).isPresent();
        }
        long verified = System.nanoTime();
        System.out.printf(
                "call token: sign %.1f µs, verify %.1f µs, %d bytes%n",
                (signed - start) / 1e3 / n, (verified - signed) / 1e3 / n, t.length());
    }
}
