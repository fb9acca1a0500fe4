package dev.newsroom.article.api;

import dev.newsroom.article.domain.StoryException;
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
        return invalid(StoryException.Invalid.of(field, description));
    }

    private static StatusRuntimeException domain(Exception e) {
        if (e instanceof StoryException.Invalid invalid) {
            return invalid(invalid);
        }
        if (e instanceof StoryException.NotFound) {
            return GrpcCalls.status(Status.NOT_FOUND, e);
        }
        if (e instanceof StoryException.StaleVersion) {
            return GrpcCalls.status(Status.ABORTED, e);
        }
        if (e instanceof StoryException.IllegalTransition) {
            return GrpcCalls.status(Status.FAILED_PRECONDITION, e);
        }
        if (e instanceof StoryException.SlugTaken) {
            return GrpcCalls.status(Status.ALREADY_EXISTS, e);
        }
        if (e instanceof StoryException.Forbidden) {
            return GrpcCalls.status(Status.PERMISSION_DENIED, e);
        }
        return null;
    }

    private static StatusRuntimeException invalid(StoryException.Invalid invalid) {
        return GrpcCalls.invalid(
                invalid.getMessage(),
                invalid.violations().stream()
                        .map(v -> new GrpcCalls.Violation(v.field(), v.description()))
                        .toList());
    }
}
