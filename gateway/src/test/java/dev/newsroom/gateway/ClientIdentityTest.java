package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.newsroom.identity.CallTokens;
import dev.newsroom.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Who the client is, as the services see it (the client of the signed call token): the network address
 * through the trusted proxies (loopback, under the local profile of the tests), read from the
 * right of X-Forwarded-For; IPv6 by /64; never the User-Agent.
 */
class ClientIdentityTest extends GatewayIntegrationTest {

    @Test
    void theUserAgentDoesNotMakeAnotherClient() {
        assertThat(client("203.0.113.5", "agent-a")).isEqualTo(client("203.0.113.5", "agent-b"));
        assertThat(client("203.0.113.5", "agent-a")).isNotEqualTo(client("203.0.113.6", "agent-a"));
    }

    @Test
    void forwardedForIsReadFromTheRightAndHopsBeforeTheFirstUntrustedOneAreIgnored() {
        String real = client("203.0.113.7", "x");
        assertThat(client("198.51.100.1, 203.0.113.7", "x")).isEqualTo(real);
        assertThat(client("garbage, 203.0.113.7", "x")).isEqualTo(real);
        // a trusted hop on the right (another loopback proxy) is walked past
        assertThat(client("203.0.113.7, 127.0.0.2", "x")).isEqualTo(real);
        assertThat(client("203.0.113.7:5555", "x")).isEqualTo(real);
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertThat(client("2001:db8:1:2::1", "x"))
                .isEqualTo(client("2001:db8:1:2:ffff:1:2:3", "x"));
        assertThat(client("[2001:db8:1:2::9]:443", "x")).isEqualTo(client("2001:db8:1:2::1", "x"));
        assertThat(client("2001:db8:1:3::1", "x")).isNotEqualTo(client("2001:db8:1:2::1", "x"));
    }

    @Test
    void withoutForwardedForTheClientIsThePeer() {
        assertThat(client(null, "x")).isEqualTo(client("127.0.0.1", "y"));
    }

    private String client(String forwardedFor, String agent) {
        var request = client.get().uri("/test/v1/whoami").header("User-Agent", agent);
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        JsonObject answer =
                parse(
                        request.exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());
        // the client travels inside the call token signed for the service called
        String token = answer.getAsJsonObject("metadata").get(CallTokens.HEADER).getAsString();
        return TestIdentity.tokens().verify(token, "echo-service").orElseThrow().client();
    }
}
