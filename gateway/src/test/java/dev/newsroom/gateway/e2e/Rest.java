package dev.newsroom.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP/1.1 client for the gateway, as a web client would call it. */
final class Rest {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    Rest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(
            String method, String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    HttpResponse<String> send(String method, String path, String token, String json) {
        return send(
                method, path, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, (byte[]) null);
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, (byte[]) null);
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The response is {@code code} with the error shape of docs/api-notes.md, and no stack trace. */
    static JsonObject error(HttpResponse<String> r, int code, String status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(code);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        JsonObject error = json(r).getAsJsonObject("error");
        assertThat(error.get("code").getAsInt()).isEqualTo(code);
        assertThat(error.get("status").getAsString()).isEqualTo(status);
        assertThat(error.get("message").getAsString()).isNotBlank();
        assertThat(error.get("details").isJsonArray()).isTrue();
        assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain(".java:");
        return error;
    }
}
