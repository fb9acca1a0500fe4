package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The reader pages are served at / with headers that keep injected markup from running. */
class ReaderPagesTest extends GatewayIntegrationTest {

    @Test
    void frontPageIsServedWithAStrictContentSecurityPolicy() {
        String html =
                client.get()
                        .uri("/")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                        .expectHeader()
                        .value(
                                "Content-Security-Policy",
                                csp ->
                                        assertThat(csp)
                                                .contains("script-src 'self'")
                                                .doesNotContain("unsafe-inline"))
                        .expectHeader()
                        .valueEquals("X-Content-Type-Options", "nosniff")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(html)
                .contains("data-page=\"front\"")
                .contains("/app.js")
                .doesNotContain("<script>");
    }

    @Test
    void storyAndSearchPagesAndTheirAssetsAreServed() {
        for (String path : new String[] {"/story.html", "/search.html", "/app.js", "/style.css"}) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }
        String js =
                client.get()
                        .uri("/app.js")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        // reader-written text goes in as text: the only innerHTML is the sanitised body and
        // <template> parsing
        assertThat(js.split("innerHTML", -1)).hasSize(3);
    }
}
