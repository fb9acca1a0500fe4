package dev.newsroom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import dev.newsroom.identity.CallTokens;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SupportTest {

    private static final CallTokens TOKENS =
            new CallTokens(
                    "a-test-key-of-more-than-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
    private static final CallerInterceptor INTERCEPTOR =
            new CallerInterceptor(TOKENS, "comment-service");

    @Test
    void traceIdsAreReadLeniently() {
        assertThat(
                        CallerInterceptor.traceId(
                                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(CallerInterceptor.traceId("00-NOT-HEX-01")).isNull();
        assertThat(CallerInterceptor.traceId("garbage")).isNull();
    }

    @Test
    void theCallRunsWithItsCallerAndTheGatewaysTraceAndRequestIdsInTheLogContext() {
        Metadata headers = new Metadata();
        headers.put(
                CallerInterceptor.IDENTITY,
                TOKENS.sign(
                        "gateway",
                        "comment-service",
                        "ed-1",
                        List.of("editor"),
                        "fp-123",
                        Duration.ofSeconds(30)));
        headers.put(
                CallerInterceptor.TRACEPARENT,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.put(CallerInterceptor.REQUEST_ID, "req-9");
        List<String> seen = new ArrayList<>();
        ServerCallHandler<String, String> handler =
                (call, h) ->
                        new ServerCall.Listener<>() {
                            @Override
                            public void onHalfClose() {
                                Caller c = Caller.current();
                                seen.add(
                                        c.subject()
                                                + "|"
                                                + c.has(Caller.EDITOR)
                                                + "|"
                                                + c.client()
                                                + "|"
                                                + MDC.get("trace.id")
                                                + "|"
                                                + MDC.get("http.request.id"));
                            }
                        };
        INTERCEPTOR.interceptCall(new QuietCall(), headers, handler).onHalfClose();
        assertThat(seen).containsExactly("ed-1|true|fp-123|0af7651916cd43dd8448eb211c80319c|req-9");
        assertThat(MDC.get("trace.id")).isNull();
    }

    @Test
    void aCallerWithoutAValidTokenIsAnonymousAndKnownByItsAddress() {
        Metadata none = new Metadata();
        assertThat(INTERCEPTOR.caller(new QuietCall(), none))
                .isEqualTo(new Caller("", Set.of(), "direct:unknown"));
        Metadata forged = new Metadata();
        forged.put(
                Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER), "mallory");
        forged.put(Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER), "admin");
        forged.put(Metadata.Key.of("x-newsroom-client", Metadata.ASCII_STRING_MARSHALLER), "fp-1");
        forged.put(CallerInterceptor.IDENTITY, "not-a-token");
        assertThat(INTERCEPTOR.caller(new QuietCall(), forged))
                .isEqualTo(new Caller("", Set.of(), "direct:unknown"));
        Metadata otherAudience = new Metadata();
        otherAudience.put(
                CallerInterceptor.IDENTITY,
                TOKENS.sign(
                        "gateway",
                        "article-service",
                        "ed",
                        List.of("admin"),
                        "fp",
                        Duration.ofSeconds(30)));
        assertThat(INTERCEPTOR.caller(new QuietCall(), otherAudience).authenticated()).isFalse();
        Metadata huge = new Metadata();
        huge.put(
                CallerInterceptor.IDENTITY,
                TOKENS.sign(
                        "gateway",
                        "comment-service",
                        "",
                        List.of(),
                        "x".repeat(400),
                        Duration.ofSeconds(30)));
        assertThat(INTERCEPTOR.caller(new QuietCall(), huge).client()).isEqualTo("direct:unknown");
    }

    @Test
    void theServiceRoleIsAServicesOwnNotAnAdmins() {
        assertThat(new Caller("a-1", Set.of(Caller.ADMIN), "c").has(Caller.SERVICE)).isFalse();
        assertThat(
                        new Caller(
                                        "search-service",
                                        Set.of(Caller.SERVICE),
                                        "service:search-service")
                                .require(Caller.SERVICE)
                                .subject())
                .isEqualTo("search-service");
    }

    @Test
    void rolesAreCheckedAgainAndAdminHoldsEveryRole() {
        assertThatThrownBy(() -> Caller.ANONYMOUS.require(Caller.EDITOR))
                .satisfies(
                        e ->
                                assertThat(Status.fromThrowable(e).getCode())
                                        .isEqualTo(Status.Code.UNAUTHENTICATED));
        Caller editor = new Caller("e-1", Set.of(Caller.EDITOR), "c");
        assertThatThrownBy(() -> editor.require(Caller.MODERATOR))
                .satisfies(
                        e ->
                                assertThat(Status.fromThrowable(e).getCode())
                                        .isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(new Caller("a-1", Set.of(Caller.ADMIN), "c").require(Caller.MODERATOR).subject())
                .isEqualTo("a-1");
        assertThat(Caller.current()).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void failuresBecomeStatusesAndUnknownOnesTellNothing() {
        GrpcCalls calls =
                new GrpcCalls(
                        e ->
                                e instanceof IllegalStateException
                                        ? GrpcCalls.status(Status.FAILED_PRECONDITION, e)
                                        : null);
        assertThat(calls.toStatus(new IllegalStateException("closed")).getStatus().getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        StatusRuntimeException passed = Status.NOT_FOUND.withDescription("x").asRuntimeException();
        assertThat(calls.toStatus(passed)).isSameAs(passed);
        StatusRuntimeException internal = calls.toStatus(new NullPointerException("secret detail"));
        assertThat(internal.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(internal.getStatus().getDescription()).isEqualTo("internal error");

        Recorder<String> out = new Recorder<>();
        calls.unary(out, () -> "answer");
        assertThat(out.values).containsExactly("answer");
        assertThat(out.completed).isTrue();
        Recorder<String> failed = new Recorder<>();
        calls.unary(
                failed,
                () -> {
                    throw new IllegalStateException("closed");
                });
        assertThat(Status.fromThrowable(failed.error).getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void invalidNamesTheFieldsAndRetryLaterSaysWhen() throws Exception {
        StatusRuntimeException invalid =
                GrpcCalls.invalid(
                        "bad", List.of(new GrpcCalls.Violation("headline", "is required")));
        BadRequest details =
                StatusProto.fromThrowable(invalid).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolations(0).getField()).isEqualTo("headline");
        StatusRuntimeException later = GrpcCalls.retryLater("slow down", Duration.ofMillis(12_500));
        RetryInfo retry = StatusProto.fromThrowable(later).getDetails(0).unpack(RetryInfo.class);
        assertThat(later.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(12);
        assertThat(retry.getRetryDelay().getNanos()).isEqualTo(500_000_000);
    }

    private static final class QuietCall extends ServerCall<String, String> {
        @Override
        public void request(int numMessages) {}

        @Override
        public void sendHeaders(Metadata headers) {}

        @Override
        public void sendMessage(String message) {}

        @Override
        public void close(Status status, Metadata trailers) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public MethodDescriptor<String, String> getMethodDescriptor() {
            return null;
        }
    }

    private static final class Recorder<T> implements StreamObserver<T> {
        final List<T> values = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onNext(T value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
