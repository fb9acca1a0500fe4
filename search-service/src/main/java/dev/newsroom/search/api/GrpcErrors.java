package dev.newsroom.search.api;

import dev.newsroom.service.GrpcCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** This service's failures as gRPC statuses (docs/architecture.md, decision 5); the shared part: {@link GrpcCalls}. */
final class GrpcErrors {
    private static final GrpcCalls CALLS = new GrpcCalls(GrpcErrors::domain);

    private GrpcErrors() {
    }

    static <T> void unary(StreamObserver<T> out, GrpcCalls.Call<T> call) {
        CALLS.unary(out, call);
    }

    private static StatusRuntimeException domain(Exception e) {
        if (e instanceof IllegalArgumentException) {
            // only request values we cannot read (page tokens, sort); query text never gets here
            return GrpcCalls.status(Status.INVALID_ARGUMENT, e);
        }
        return null;
    }
}
