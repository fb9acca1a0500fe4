package dev.newsroom.service;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unary calls and their failures as gRPC statuses (docs/architecture.md, decision 5): a service
 * supplies the mapping of its own exceptions; a status is passed on as it is; anything
 * unmapped is logged and answered INTERNAL with no detail (no stack trace leaves a service).
 */
public final class GrpcCalls {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcCalls.class);

    /** A unary call's work. */
    public interface Call<T> {
        T get() throws Exception;
    }

    /** One field the request got wrong: a google.rpc.BadRequest field violation. */
    public record Violation(String field, String description) {}

    private final Function<Exception, StatusRuntimeException> domain;

    /** @param domain this service's exceptions as statuses; null for an exception it does not know */
    public GrpcCalls(Function<Exception, StatusRuntimeException> domain) {
        this.domain = domain;
    }

    /** Runs a unary call: its result, or its failure as a status, goes to {@code out}. */
    public <T> void unary(StreamObserver<T> out, Call<T> call) {
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

    public StatusRuntimeException toStatus(Exception e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        StatusRuntimeException mapped = domain.apply(e);
        if (mapped != null) {
            return mapped;
        }
        LOG.error("unexpected failure", e);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    /** INVALID_ARGUMENT with a google.rpc.BadRequest naming each field (the gateway's 400 lists them). */
    public static StatusRuntimeException invalid(String message, List<Violation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(
                v ->
                        details.addFieldViolations(
                                BadRequest.FieldViolation.newBuilder()
                                        .setField(v.field())
                                        .setDescription(v.description())));
        return StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage(message)
                        .addDetails(Any.pack(details.build()))
                        .build());
    }

    /** RESOURCE_EXHAUSTED with a google.rpc.RetryInfo: the gateway turns it into Retry-After. */
    public static StatusRuntimeException retryLater(String message, Duration after) {
        long millis = Math.max(1, after.toMillis());
        RetryInfo retry =
                RetryInfo.newBuilder()
                        .setRetryDelay(
                                com.google.protobuf.Duration.newBuilder()
                                        .setSeconds(millis / 1000)
                                        .setNanos((int) (millis % 1000) * 1_000_000))
                        .build();
        return StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                        .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                        .setMessage(message)
                        .addDetails(Any.pack(retry))
                        .build());
    }

    /** {@code status} with {@code e}'s message. */
    public static StatusRuntimeException status(Status status, Exception e) {
        return status.withDescription(e.getMessage()).asRuntimeException();
    }
}
