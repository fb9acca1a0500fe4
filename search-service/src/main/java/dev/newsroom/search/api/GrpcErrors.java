package dev.newsroom.search.api;

import dev.newsroom.service.GrpcCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.apache.lucene.search.IndexSearcher;

/** This service's failures as gRPC statuses (docs/architecture.md, decision 5); the shared part: {@link GrpcCalls}. */
final class GrpcErrors {
    private static final GrpcCalls CALLS = new GrpcCalls(GrpcErrors::domain);

    private GrpcErrors() {}

    static <T> void unary(StreamObserver<T> out, GrpcCalls.Call<T> call) {
        CALLS.unary(out, call);
    }

    private static StatusRuntimeException domain(Exception e) {
        if (e instanceof IndexSearcher.TooManyClauses) {
            // not reached: queries are bounded while they are built (QueryBounds); kept so it could
            // never be a 500
            return Status.INVALID_ARGUMENT
                    .withDescription("the query is too long; use fewer words")
                    .asRuntimeException();
        }
        if (e instanceof IllegalArgumentException) {
            // only request values we cannot read (page tokens, sort); query text never gets here
            return GrpcCalls.status(Status.INVALID_ARGUMENT, e);
        }
        return null;
    }
}
