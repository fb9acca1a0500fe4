package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.newsroom.gateway.testing.TestTokens;
import dev.newsroom.identity.CallIdentity;
import dev.newsroom.identity.CallTokens;
import dev.newsroom.testing.TestIdentity;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Tokens are checked at the edge, roles come from the proto, identity travels as a signed call token. */
class EdgeAuthTest extends GatewayIntegrationTest {

    private static final String ARCHIVE = "/test/v1/things/5:archive";

    @Test
    void anonymousReadersReachPublicRpcs() {
        client.get().uri("/test/v1/things/1").exchange().expectStatus().isOk();
    }

    @Test
    void anonymousCallOfAProtectedRpcIs401WithChallenge() {
        JsonObject error = expectError(archive(null), 401, "UNAUTHENTICATED");
        assertThat(error.get("message").getAsString()).contains("token");
        archive(null).expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokenWithoutTheRoleIs403() {
        expectError(archive(TestTokens.token("reader-1", "moderator")), 403, "PERMISSION_DENIED");
        expectError(archive(TestTokens.token("reader-2")), 403, "PERMISSION_DENIED");
    }

    @Test
    void editorAndAdminMayCallIt() {
        archive(TestTokens.token("ed", "editor")).expectStatus().isOk();
        archive(TestTokens.token("boss", "admin")).expectStatus().isOk();
    }

    @Test
    void invalidTokensAre401EvenOnPublicRoutes() {
        String[] bad = {
            "not-a-jwt",
            TestTokens.builder("ed", "editor")
                    .with(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(300))))
                    .sign(),
            TestTokens.builder("ed", "editor").with(c -> c.issuer("someone-else")).sign(),
            TestTokens.builder("ed", "editor").with(c -> c.audience("another-app")).sign(),
            TestTokens.builder("ed", "editor").with(c -> c.subject(null)).sign(),
            TestTokens.builder("ed", "editor").with(c -> c.expirationTime(null)).sign(),
            TestTokens.builder("ed", "editor").with(c -> c.claim("roles", "editor")).sign(),
            TestTokens.builder("ed", "editor")
                    .sign("some-other-secret-that-is-long-enough-0123456789"),
        };
        for (String token : bad) {
            expectError(archive(token), 401, "UNAUTHENTICATED");
            expectError(
                    client.get()
                            .uri("/test/v1/things/1")
                            .header("Authorization", "Bearer " + token)
                            .exchange(),
                    401,
                    "UNAUTHENTICATED");
            client.get()
                    .uri("/test/v1/things/1")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectHeader()
                    .value(
                            "WWW-Authenticate",
                            v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
        }
        expectError(
                client.get()
                        .uri("/test/v1/things/1")
                        .header("Authorization", "Basic dTpw")
                        .exchange(),
                401,
                "UNAUTHENTICATED");
    }

    @Test
    void identityIsSignedForTheServiceAndTraceIsForwardedAsMetadata() {
        String token = TestTokens.token("alice", "editor", "moderator");
        var result =
                client.get()
                        .uri("/test/v1/whoami")
                        .header("Authorization", "Bearer " + token)
                        .header("X-Request-Id", "req-123")
                        .header(
                                "traceparent",
                                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                        .header("x-newsroom-subject", "mallory")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("X-Request-Id", "req-123")
                        .expectBody(String.class)
                        .returnResult();

        JsonObject metadata = parse(result.getResponseBody()).getAsJsonObject("metadata");
        CallIdentity identity = identity(metadata);
        assertThat(identity.subject()).isEqualTo("alice");
        assertThat(identity.roles()).containsExactlyInAnyOrder("editor", "moderator");
        assertThat(metadata.has("x-newsroom-subject")).isFalse();
        assertThat(metadata.get("x-request-id").getAsString()).isEqualTo("req-123");
        assertThat(metadata.get("traceparent").getAsString())
                .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                .isNotEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(metadata.has("authorization")).isFalse();
    }

    @Test
    void clientSuppliedIdentityHeadersAreDropped() {
        var body =
                client.get()
                        .uri("/test/v1/whoami")
                        .header("X-Newsroom-Subject", "mallory")
                        .header("x-newsroom-roles", "admin")
                        .header("traceparent", "garbage")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .value("X-Request-Id", id -> assertThat(id).isNotBlank())
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        JsonObject metadata = parse(body).getAsJsonObject("metadata");
        assertThat(metadata.has("x-newsroom-subject")).isFalse();
        assertThat(metadata.has("x-newsroom-roles")).isFalse();
        assertThat(identity(metadata).subject()).isEmpty();
        assertThat(identity(metadata).roles()).isEmpty();
        assertThat(metadata.get("traceparent").getAsString())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(metadata.get("x-request-id").getAsString()).isNotBlank();
    }

    @Test
    void clientHashIsForwardedButNeverTheRawAddressOrAForgedOneAndTheUserAgentChangesNothing() {
        String first = whoamiClient("Mozilla/5.0 reader-a", "forged");
        String again = whoamiClient("Mozilla/5.0 reader-a", null);
        String otherAgent = whoamiClient("Mozilla/5.0 reader-b", null);
        assertThat(first).isEqualTo(again).isNotEqualTo("forged").matches("[A-Za-z0-9_-]{22}");
        // the client is its address: a User-Agent of its choosing does not make it another one
        assertThat(otherAgent).isEqualTo(first);
        assertThat(first).doesNotContain("127.0.0.1");
    }

    private String whoamiClient(String userAgent, String forged) {
        var request = client.get().uri("/test/v1/whoami").header("User-Agent", userAgent);
        if (forged != null) {
            request = request.header("x-newsroom-client", forged);
        }
        String body =
                request.exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        JsonObject metadata = parse(body).getAsJsonObject("metadata");
        assertThat(metadata.has("x-newsroom-client")).isFalse();
        return identity(metadata).client();
    }

    /** The call token the echo service got, verified as a service verifies it (audience: the route id). */
    private static CallIdentity identity(JsonObject metadata) {
        String token = metadata.get(CallTokens.HEADER).getAsString();
        assertThat(TestIdentity.tokens().verify(token, "article-service")).isEmpty();
        return TestIdentity.tokens().verify(token, "echo-service").orElseThrow();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec archive(
            String token) {
        var request = client.post().uri(ARCHIVE).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue("{}").exchange();
    }
}
