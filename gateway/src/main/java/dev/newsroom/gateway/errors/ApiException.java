package dev.newsroom.gateway.errors;

import dev.newsroom.gateway.errors.ApiError.FieldViolation;
import java.util.List;
import java.util.Map;

/** An error the gateway itself answers (bad input, no route, auth); rendered by {@link JsonErrorHandler}. */
public class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(new ApiError(400, "INVALID_ARGUMENT", message));
    }

    public static ApiException badRequest(String message, String field, String description) {
        return new ApiException(
                new ApiError(
                        400,
                        "INVALID_ARGUMENT",
                        message,
                        List.of(new FieldViolation(field, description)),
                        Map.of()));
    }

    public static ApiException notFound(String message) {
        return new ApiException(new ApiError(404, "NOT_FOUND", message));
    }

    public static ApiException methodNotAllowed(String method, List<String> allowed) {
        return new ApiException(
                new ApiError(
                        405,
                        "METHOD_NOT_ALLOWED",
                        "method " + method + " is not allowed here",
                        List.of(),
                        Map.of("Allow", String.join(", ", allowed))));
    }

    public static ApiException requestTimeout(java.time.Duration limit) {
        return new ApiException(
                new ApiError(
                        408,
                        "REQUEST_TIMEOUT",
                        "the request body did not arrive within " + limit.toSeconds() + " s"));
    }

    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(
                new ApiError(
                        413,
                        "PAYLOAD_TOO_LARGE",
                        "the request body is larger than " + limitBytes + " bytes"));
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(
                new ApiError(
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "the request body must be application/json, not " + contentType));
    }

    /** 401: no usable credentials. {@code detail} goes into WWW-Authenticate's error_description. */
    public static ApiException unauthenticated(String message, boolean invalidToken) {
        String challenge =
                invalidToken
                        ? "Bearer error=\"invalid_token\", error_description=\""
                                + message.replace("\"", "'")
                                + "\""
                        : "Bearer";
        return new ApiException(
                new ApiError(
                        401,
                        "UNAUTHENTICATED",
                        message,
                        List.of(),
                        Map.of("WWW-Authenticate", challenge)));
    }

    public static ApiException permissionDenied(String message) {
        return new ApiException(new ApiError(403, "PERMISSION_DENIED", message));
    }
}
