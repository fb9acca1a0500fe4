package dev.newsroom.comment.api;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import dev.newsroom.comment.domain.CommentException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where this service's failures become gRPC statuses (decision 5). */
final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    /** Runs a unary call: its result or its mapped error goes to {@code out}. */
    static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    static StatusRuntimeException toStatus(Throwable e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof CommentException.Invalid invalid) {
            return invalid(invalid);
        }
        if (e instanceof CommentException.RateLimited limited) {
            return rateLimited(limited);
        }
        if (e instanceof CommentException.NotFound) {
            return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof CommentException.Closed) {
            return Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof CommentException.Duplicate) {
            return Status.ALREADY_EXISTS.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof CommentException.Unavailable) {
            return Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
        }
        LOG.error("unexpected failure", e);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    static StatusRuntimeException invalid(String field, String description) {
        return invalid(CommentException.Invalid.of(field, description));
    }

    private static StatusRuntimeException invalid(CommentException.Invalid invalid) {
        BadRequest.Builder details = BadRequest.newBuilder();
        invalid.violations().forEach(v -> details.addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(invalid.getMessage())
                .addDetails(Any.pack(details.build()))
                .build());
    }

    /** RESOURCE_EXHAUSTED with a google.rpc.RetryInfo: the gateway turns it into Retry-After. */
    private static StatusRuntimeException rateLimited(CommentException.RateLimited limited) {
        long millis = Math.max(1, limited.retryAfter().toMillis());
        RetryInfo retry = RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                .setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000)).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                .setMessage(limited.getMessage())
                .addDetails(Any.pack(retry))
                .build());
    }
}
