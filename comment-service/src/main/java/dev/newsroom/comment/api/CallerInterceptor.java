package dev.newsroom.comment.api;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * Reads the identity, client and trace headers the gateway forwards (x-newsroom-subject,
 * x-newsroom-roles, x-newsroom-client, traceparent, x-request-id) into the call's Context, and puts the trace
 * and request ids into the logging MDC while the call's callbacks run.
 */
@Singleton
public class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLES = Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CLIENT = Metadata.Key.of("x-newsroom-client", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String subject = headers.get(SUBJECT);
        String roles = headers.get(ROLES);
        Caller caller = new Caller(subject == null ? "" : subject.strip(), parseRoles(roles), client(call, headers));
        String traceId = traceId(headers.get(TRACEPARENT));
        String requestId = headers.get(REQUEST_ID);
        Context ctx = Context.current().withValue(Caller.KEY, caller);
        ServerCall.Listener<Q> listener = Contexts.interceptCall(ctx, call, headers, next);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                withMdc(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                withMdc(super::onHalfClose);
            }

            @Override
            public void onCancel() {
                withMdc(super::onCancel);
            }

            private void withMdc(Runnable r) {
                if (traceId != null) {
                    MDC.put("trace_id", traceId);
                }
                if (requestId != null) {
                    MDC.put("request_id", requestId);
                }
                try {
                    r.run();
                } finally {
                    MDC.remove("trace_id");
                    MDC.remove("request_id");
                }
            }
        };
    }

    /**
     * The gateway's fingerprint; a direct gRPC caller (inside the cluster) is known by its
     * address instead, so it is still rate limited on its own.
     */
    private static String client(ServerCall<?, ?> call, Metadata headers) {
        String fingerprint = headers.get(CLIENT);
        if (fingerprint != null && !fingerprint.isBlank() && fingerprint.length() <= 128) {
            return fingerprint.strip();
        }
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer instanceof InetSocketAddress inet) {
            return "direct:" + inet.getAddress().getHostAddress();
        }
        return "direct:unknown";
    }

    private static Set<String> parseRoles(String roles) {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The trace id of a W3C traceparent ("00-<32 hex>-<16 hex>-<2 hex>"), or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }
}
