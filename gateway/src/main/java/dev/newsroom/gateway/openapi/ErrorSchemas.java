package dev.newsroom.gateway.openapi;

import static dev.newsroom.gateway.openapi.JsonSchemas.format;
import static dev.newsroom.gateway.openapi.JsonSchemas.type;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON shape of every failure, {@code {"error":{"code","status","message","details"}}}
 * as {@code errors.ApiError} writes it, and the shared responses that carry it (which
 * statuses come from where: {@code errors.ErrorMapping}).
 */
final class ErrorSchemas {

    static final String CLIENT_ERROR =
            "The request failed: 400 INVALID_ARGUMENT (`details` name the fields), "
                    + "401 UNAUTHENTICATED (a malformed or invalid token, on public calls too), 404 NOT_FOUND, "
                    + "405 METHOD_NOT_ALLOWED (with Allow), 409 ALREADY_EXISTS, ABORTED (a stale `version`) or "
                    + "FAILED_PRECONDITION, 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, "
                    + "429 RESOURCE_EXHAUSTED (with Retry-After).";
    static final String SERVER_ERROR =
            "The gateway or a service failed: 500 INTERNAL, 501 UNIMPLEMENTED, "
                    + "503 UNAVAILABLE, 504 DEADLINE_EXCEEDED (the service did not answer in time).";
    static final String UNAUTHENTICATED =
            "No bearer token, or not a valid one (WWW-Authenticate says why).";
    static final String PERMISSION_DENIED =
            "The token is valid but has none of the roles this call needs.";

    private ErrorSchemas() {}

    static JsonObject error() {
        JsonObject violation = type("object");
        JsonObject violationProperties = new JsonObject();
        violationProperties.add(
                "field", described(type("string"), "The request field, as the client named it."));
        violationProperties.add("description", described(type("string"), "What is wrong with it."));
        violation.add("properties", violationProperties);

        JsonObject details = type("array");
        details.add("items", violation);
        JsonObject properties = new JsonObject();
        properties.add("code", described(format("integer", "int32"), "The HTTP status code."));
        properties.add(
                "status",
                described(
                        type("string"),
                        "The gRPC status name (INVALID_ARGUMENT, NOT_FOUND, …), or the gateway's own "
                                + "(METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)."));
        properties.add(
                "message", described(type("string"), "For people; never an internal detail."));
        properties.add(
                "details", described(details, "Field violations; empty when there are none."));
        JsonObject error = type("object");
        error.add("properties", properties);
        error.add("required", names("code", "status", "message", "details"));

        JsonObject rootProperties = new JsonObject();
        rootProperties.add("error", error);
        JsonObject root = described(type("object"), "What every failed call answers.");
        root.add("properties", rootProperties);
        root.add("required", names("error"));
        return root;
    }

    /** Responses named by {@code descriptions}' keys, each the error schema with its description. */
    static JsonObject responses(String errorSchema, Map<String, String> descriptions) {
        JsonObject responses = new JsonObject();
        new TreeMap<>(descriptions)
                .forEach(
                        (name, description) -> {
                            JsonObject schema = new JsonObject();
                            schema.addProperty("$ref", JsonSchemas.SCHEMA_REF + errorSchema);
                            JsonObject mediaType = new JsonObject();
                            mediaType.add("schema", schema);
                            JsonObject content = new JsonObject();
                            content.add("application/json", mediaType);
                            JsonObject response = new JsonObject();
                            response.addProperty("description", description);
                            JsonObject headers = new JsonObject();
                            if (name.equals(OpenApiDocument.UNAUTHENTICATED)) {
                                headers.add(
                                        "WWW-Authenticate",
                                        header(
                                                "`Bearer`, with error and error_description when a token was sent."));
                            }
                            if (name.equals(OpenApiDocument.CLIENT_ERROR)) {
                                headers.add(
                                        "Retry-After",
                                        header("With 429: seconds to wait before trying again."));
                                headers.add(
                                        "Allow", header("With 405: the methods this path takes."));
                            }
                            if (!headers.isEmpty()) response.add("headers", headers);
                            response.add("content", content);
                            responses.add(name, response);
                        });
        return responses;
    }

    private static JsonObject header(String description) {
        JsonObject header = new JsonObject();
        header.addProperty("description", description);
        header.add("schema", type("string"));
        return header;
    }

    private static JsonObject described(JsonObject object, String description) {
        object.addProperty("description", description);
        return object;
    }

    private static JsonArray names(String... names) {
        JsonArray array = new JsonArray();
        for (String name : names) array.add(name);
        return array;
    }
}
