package dev.newsroom.comment.api;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.service.GrpcCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** This service's failures as gRPC statuses (docs/architecture.md, decision 5); the shared part: {@link GrpcCalls}. */
final class GrpcErrors {
    private static final GrpcCalls CALLS = new GrpcCalls(GrpcErrors::domain);

    private GrpcErrors() {}

    /** Runs a unary call: its result or its mapped error goes to {@code out}. */
    static <T> void unary(StreamObserver<T> out, GrpcCalls.Call<T> call) {
        CALLS.unary(out, call);
    }

    static StatusRuntimeException invalid(String field, String description) {
        return invalid(CommentException.Invalid.of(field, description));
    }

    private static StatusRuntimeException domain(Exception e) {
        if (e instanceof CommentException.Invalid invalid) {
            return invalid(invalid);
        }
        if (e instanceof CommentException.RateLimited limited) {
            // RESOURCE_EXHAUSTED with RetryInfo: the gateway answers 429 with Retry-After
            return GrpcCalls.retryLater(limited.getMessage(), limited.retryAfter());
        }
        if (e instanceof CommentException.NotFound) {
            return GrpcCalls.status(Status.NOT_FOUND, e);
        }
        if (e instanceof CommentException.Closed) {
            return GrpcCalls.status(Status.FAILED_PRECONDITION, e);
        }
        if (e instanceof CommentException.Duplicate) {
            return GrpcCalls.status(Status.ALREADY_EXISTS, e);
        }
        if (e instanceof CommentException.Unavailable) {
            return GrpcCalls.status(Status.UNAVAILABLE, e);
        }
        return null;
    }

    private static StatusRuntimeException invalid(CommentException.Invalid invalid) {
        return GrpcCalls.invalid(
                invalid.getMessage(),
                invalid.violations().stream()
                        .map(v -> new GrpcCalls.Violation(v.field(), v.description()))
                        .toList());
    }
}
