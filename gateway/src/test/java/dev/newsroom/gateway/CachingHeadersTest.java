package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.gateway.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** ETags from id + version, 304 for a current copy, and shared caching only for anonymous public GETs. */
class CachingHeadersTest extends GatewayIntegrationTest {

    @Test
    void versionedResourceHasAStrongEtagAndPublicCaching() {
        client.get()
                .uri("/test/v1/things/12?version=3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"12-3\"")
                .expectHeader()
                .valueEquals("Cache-Control", "public, max-age=5")
                .expectHeader()
                .valueEquals("Vary", "Authorization");
    }

    @Test
    void matchingIfNoneMatchIs304WithoutBody() {
        client.get()
                .uri("/test/v1/things/12?version=3")
                .header("If-None-Match", "\"12-3\"")
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals("ETag", "\"12-3\"")
                .expectBody()
                .isEmpty();
        client.get()
                .uri("/test/v1/things/12?version=3")
                .header("If-None-Match", "\"1-1\", W/\"12-3\"")
                .exchange()
                .expectStatus()
                .isNotModified();
        client.get()
                .uri("/test/v1/things/12?version=3")
                .header("If-None-Match", "*")
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void staleIfNoneMatchGetsTheNewVersion() {
        client.get()
                .uri("/test/v1/things/12?version=4")
                .header("If-None-Match", "\"12-3\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"12-4\"");
    }

    @Test
    void listsAreCachedShorterAndHaveNoEtag() {
        client.get()
                .uri("/test/v1/things")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "public, max-age=3")
                .expectHeader()
                .doesNotExist("ETag");
    }

    @Test
    void authenticatedReadsAreNeverShared() {
        client.get()
                .uri("/test/v1/things/12")
                .header("Authorization", "Bearer " + TestTokens.token("ed", "editor"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "private, no-store")
                .expectHeader()
                .valueEquals("ETag", "\"12-1\"");
    }

    @Test
    void writesAreNotCacheable() {
        client.patch()
                .uri("/test/v1/things/12")
                .header("Content-Type", "application/json")
                .bodyValue("{\"name\":\"n\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "private, no-store")
                .expectHeader()
                .doesNotExist("ETag")
                .expectHeader()
                .value("Vary", v -> assertThat(v).isEqualTo("Authorization"));
    }
}
