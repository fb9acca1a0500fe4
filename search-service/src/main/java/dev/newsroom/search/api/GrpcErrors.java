package dev.newsroom.search.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where this service's failures become gRPC statuses. */
final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    interface Call<T> {
        T get() throws Exception;
    }

    static <T> void unary(StreamObserver<T> out, Call<T> call) {
        T result;
        try {
            result = call.get();
        } catch (Exception e) {
            out.onError(toStatus(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    static StatusRuntimeException toStatus(Exception e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof IllegalArgumentException) {
            // only request values we cannot read (page tokens, paging); query text never gets here
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        LOG.error("unexpected failure", e);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }
}
