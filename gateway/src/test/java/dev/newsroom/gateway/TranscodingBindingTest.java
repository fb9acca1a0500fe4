package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** REST requests become the right gRPC request messages, and answers come back as proto3 JSON. */
class TranscodingBindingTest extends GatewayIntegrationTest {

    @Test
    void pathVariableAndQueryParametersBindToTheRequest() {
        JsonObject thing = getOk("/test/v1/things/12?version=5");

        assertThat(thing.get("id").getAsString()).isEqualTo("12");
        assertThat(thing.get("name").getAsString()).isEqualTo("thing-12");
        assertThat(thing.get("version").getAsString()).isEqualTo("5");
        assertThat(echo(thing).get("id").getAsString()).isEqualTo("12");
    }

    @Test
    void repeatedEnumTimestampBoolNestedAndJsonOrProtoNamesBind() {
        JsonObject list =
                getOk(
                        "/test/v1/things?pageSize=3&page_token=abc&kinds=SMALL&kinds=LARGE"
                                + "&tags=a&tags=b%20c&since=2024-03-01T10:00:00Z&onlyActive=true&filter.color=red"
                                + "&filter.min_weight=7&ids=1&ids=2");

        JsonObject request = echo(list);
        assertThat(request.get("pageSize").getAsInt()).isEqualTo(3);
        assertThat(request.get("pageToken").getAsString()).isEqualTo("abc");
        assertThat(request.get("kinds").toString()).isEqualTo("[\"SMALL\",\"LARGE\"]");
        assertThat(request.get("tags").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(request.get("since").getAsString()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(request.get("onlyActive").getAsBoolean()).isTrue();
        assertThat(request.getAsJsonObject("filter").get("color").getAsString()).isEqualTo("red");
        assertThat(request.getAsJsonObject("filter").get("minWeight").getAsInt()).isEqualTo(7);
        assertThat(request.get("ids").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(list.getAsJsonArray("things")).hasSize(1);
    }

    @Test
    void literalSegmentsWinOverVariables() {
        JsonObject thing = getOk("/test/v1/things/by-slug/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86-news");

        assertThat(thing.get("name").getAsString()).isEqualTo("ایران-news");
        assertThat(echo(thing).get("slug").getAsString()).isEqualTo("ایران-news");
    }

    @Test
    void hugePageSizePassesThroughForTheServiceToDecide() {
        JsonObject list = getOk("/test/v1/things?pageSize=100000");

        assertThat(echo(list).get("pageSize").getAsInt()).isEqualTo(100000);
    }

    @Test
    void postWithoutVerbCreatesWith201AndLocation() {
        String body =
                client.post()
                        .uri("/test/v1/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                "{\"name\":\"lamp\",\"kind\":\"LARGE\",\"tags\":[\"x\"],\"since\":\"2025-01-02T03:04:05Z\"}")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectHeader()
                        .location("/test/v1/things/42")
                        .expectHeader()
                        .valueEquals("Cache-Control", "private, no-store")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        JsonObject thing = parse(body);
        assertThat(thing.get("name").getAsString()).isEqualTo("lamp");
        assertThat(echo(thing).getAsJsonObject("thing").get("kind").getAsString())
                .isEqualTo("LARGE");
        assertThat(echo(thing).getAsJsonObject("thing").get("since").getAsString())
                .isEqualTo("2025-01-02T03:04:05Z");
    }

    @Test
    void patchWithoutMaskUpdatesTheFieldsPresentInTheBody() {
        JsonObject thing =
                parse(
                        client.patch()
                                .uri("/test/v1/things/9")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(
                                        "{\"name\":\"renamed\",\"since\":\"2025-01-01T00:00:00Z\",\"version\":\"4\"}")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());

        JsonObject request = echo(thing);
        assertThat(request.getAsJsonObject("thing").get("id").getAsString()).isEqualTo("9");
        assertThat(request.get("updateMask").getAsString()).isEqualTo("name,since,version");
        assertThat(thing.get("version").getAsString()).isEqualTo("5");
    }

    @Test
    void patchWithExplicitMaskKeepsIt() {
        JsonObject thing =
                parse(
                        client.patch()
                                .uri("/test/v1/things/9?updateMask=name")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"name\":\"renamed\",\"tags\":[\"t\"]}")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());

        assertThat(echo(thing).get("updateMask").getAsString()).isEqualTo("name");
    }

    @Test
    void pathVariableWinsOverTheSameFieldInTheBody() {
        JsonObject thing =
                parse(
                        client.patch()
                                .uri("/test/v1/things/9")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"id\":\"1000\",\"name\":\"x\"}")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());

        assertThat(echo(thing).getAsJsonObject("thing").get("id").getAsString()).isEqualTo("9");
        assertThat(echo(thing).get("updateMask").getAsString()).isEqualTo("name");
    }

    @Test
    void customVerbMethodBindsPathAndWholeBodyAndAnswers200() {
        String token = dev.newsroom.gateway.testing.TestTokens.token("ed", "editor");
        JsonObject thing =
                parse(
                        client.post()
                                .uri("/test/v1/things/5:archive")
                                .header("Authorization", "Bearer " + token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"reason\":\"old\",\"at\":\"2030-01-01T00:00:00Z\"}")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectHeader()
                                .doesNotExist("Location")
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());

        assertThat(echo(thing).get("id").getAsString()).isEqualTo("5");
        assertThat(echo(thing).get("reason").getAsString()).isEqualTo("old");
        assertThat(echo(thing).get("at").getAsString()).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void customVerbWithoutBodyIsAnEmptyMessage() {
        String token = dev.newsroom.gateway.testing.TestTokens.token("ed", "editor");
        JsonObject thing =
                parse(
                        client.post()
                                .uri("/test/v1/things/6:archive")
                                .header("Authorization", "Bearer " + token)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());

        assertThat(echo(thing).get("id").getAsString()).isEqualTo("6");
    }

    @Test
    void deleteAnswersAnEmptyJsonObject() {
        String token = dev.newsroom.gateway.testing.TestTokens.token("ed", "editor");
        client.delete()
                .uri("/test/v1/things/5")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{}");
    }
}
