package dev.newsroom.gateway.errors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What a client sees when a call fails: {@code {"error":{"code","status","message","details"}}}
 * (docs/api-notes.md, "Errors"). {@code headers} are extra response headers such as WWW-Authenticate.
 */
public record ApiError(
        int code,
        String status,
        String message,
        List<FieldViolation> details,
        Map<String, String> headers) {

    /** One entry of {@code details}: a request field and what is wrong with it. */
    public record FieldViolation(String field, String description) {}

    public ApiError {
        details = List.copyOf(details);
        headers = Map.copyOf(headers);
    }

    public ApiError(int code, String status, String message) {
        this(code, status, message, List.of(), Map.of());
    }

    public String toJson() {
        JsonArray detailArray = new JsonArray();
        for (FieldViolation violation : details) {
            JsonObject detail = new JsonObject();
            detail.addProperty("field", violation.field());
            detail.addProperty("description", violation.description());
            detailArray.add(detail);
        }
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("status", status);
        error.addProperty("message", message);
        error.add("details", detailArray);
        JsonObject root = new JsonObject();
        root.add("error", error);
        return root.toString();
    }
}
