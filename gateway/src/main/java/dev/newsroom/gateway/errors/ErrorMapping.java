package dev.newsroom.gateway.errors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import dev.newsroom.gateway.errors.ApiError.FieldViolation;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that turns a failure into what the client sees (docs/architecture.md, decision 5):
 * gRPC status codes from the services, the gateway's own {@link ApiException}s, and
 * framework errors. Anything unexpected becomes a generic 500.
 */
public final class ErrorMapping {

    private ErrorMapping() {}

    /** HTTP status for a gRPC status code, as docs/api-notes.md lists it. */
    public static int httpStatus(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }

    /** Maps any failure; {@link #isUnexpected} tells whether it deserves a stack trace in the log. */
    public static ApiError toApiError(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.error();
        }
        if (carriesGrpcStatus(failure)) {
            return fromGrpc(Status.fromThrowable(failure), failure);
        }
        if (failure instanceof DataBufferLimitException) {
            return new ApiError(413, "PAYLOAD_TOO_LARGE", "the request body is too large");
        }
        if (failure instanceof ResponseStatusException rse) {
            return fromHttpStatus(rse.getStatusCode().value());
        }
        return internal();
    }

    public static boolean isUnexpected(Throwable failure) {
        return !(failure instanceof ApiException
                || failure instanceof ResponseStatusException
                || failure instanceof DataBufferLimitException
                || carriesGrpcStatus(failure));
    }

    private static boolean carriesGrpcStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException || t instanceof StatusException) {
                return true;
            }
        }
        return false;
    }

    public static ApiError internal() {
        return new ApiError(500, "INTERNAL", "internal error");
    }

    private static ApiError fromGrpc(Status status, Throwable failure) {
        int http = httpStatus(status.getCode());
        String message =
                switch (status.getCode()) {
                    // these often come from the channel itself and would name internal addresses
                    case UNAVAILABLE -> "the service is unavailable, try again later";
                    case DEADLINE_EXCEEDED -> "the service did not answer in time";
                    case UNIMPLEMENTED -> "not implemented";
                    default ->
                            http >= 500 || status.getDescription() == null
                                    ? "internal error"
                                    : status.getDescription();
                };
        String name = http == 500 ? "INTERNAL" : status.getCode().name();
        return new ApiError(
                http,
                name,
                message,
                http >= 500 ? List.of() : fieldViolations(failure),
                http == 429 ? retryAfter(failure) : Map.of());
    }

    /** A google.rpc.RetryInfo detail becomes Retry-After, in whole seconds rounded up. */
    private static Map<String, String> retryAfter(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich == null) {
            return Map.of();
        }
        for (Any detail : rich.getDetailsList()) {
            if (detail.is(RetryInfo.class)) {
                try {
                    com.google.protobuf.Duration delay =
                            detail.unpack(RetryInfo.class).getRetryDelay();
                    long seconds = Math.max(1, delay.getSeconds() + (delay.getNanos() > 0 ? 1 : 0));
                    return Map.of("Retry-After", Long.toString(seconds));
                } catch (InvalidProtocolBufferException e) {
                    return Map.of();
                }
            }
        }
        return Map.of();
    }

    private static List<FieldViolation> fieldViolations(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich == null) {
            return List.of();
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (Any detail : rich.getDetailsList()) {
            if (!detail.is(BadRequest.class)) {
                continue;
            }
            try {
                for (BadRequest.FieldViolation v :
                        detail.unpack(BadRequest.class).getFieldViolationsList()) {
                    violations.add(new FieldViolation(v.getField(), v.getDescription()));
                }
            } catch (InvalidProtocolBufferException e) {
                // a malformed detail is dropped; the status itself still reaches the client
            }
        }
        return violations;
    }

    private static ApiError fromHttpStatus(int code) {
        HttpStatus known = HttpStatus.resolve(code);
        return switch (code) {
            case 400 -> new ApiError(400, "INVALID_ARGUMENT", "bad request");
            case 401 -> new ApiError(401, "UNAUTHENTICATED", "authentication required");
            case 403 -> new ApiError(403, "PERMISSION_DENIED", "permission denied");
            case 404 -> new ApiError(404, "NOT_FOUND", "no such resource");
            case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "method not allowed");
            case 413 -> new ApiError(413, "PAYLOAD_TOO_LARGE", "the request body is too large");
            case 415 -> new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "unsupported media type");
            case 429 -> new ApiError(429, "RESOURCE_EXHAUSTED", "too many requests");
            case 503 ->
                    new ApiError(503, "UNAVAILABLE", "the service is unavailable, try again later");
            case 504 ->
                    new ApiError(504, "DEADLINE_EXCEEDED", "the service did not answer in time");
            default ->
                    code >= 500 || known == null
                            ? internal()
                            : new ApiError(
                                    code, known.name(), known.getReasonPhrase().toLowerCase());
        };
    }
}
