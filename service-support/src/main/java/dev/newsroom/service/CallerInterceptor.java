package dev.newsroom.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * Reads what the gateway forwards (x-newsroom-subject, x-newsroom-roles, x-newsroom-client,
 * traceparent, x-request-id) into the call's {@link Caller}, and puts the trace and request
 * ids into the logging MDC ({@code trace.id}, {@code http.request.id}: the gateway's ECS keys) while the call's callbacks
 * run. Each service registers one as a bean.
 */
public class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> SUBJECT = key("x-newsroom-subject");
    static final Metadata.Key<String> ROLES = key("x-newsroom-roles");
    static final Metadata.Key<String> CLIENT = key("x-newsroom-client");
    static final Metadata.Key<String> TRACEPARENT = key("traceparent");
    static final Metadata.Key<String> REQUEST_ID = key("x-request-id");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String subject = headers.get(SUBJECT);
        Caller caller = new Caller(subject == null ? "" : subject.strip(), roles(headers.get(ROLES)), client(call, headers));
        String traceId = traceId(headers.get(TRACEPARENT));
        String requestId = headers.get(REQUEST_ID);
        ServerCall.Listener<Q> listener = Contexts.interceptCall(Context.current().withValue(Caller.KEY, caller), call, headers, next);
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
                    MDC.put("trace.id", traceId);
                }
                if (requestId != null) {
                    MDC.put("http.request.id", requestId);
                }
                try {
                    r.run();
                } finally {
                    MDC.remove("trace.id");
                    MDC.remove("http.request.id");
                }
            }
        };
    }

    /**
     * The gateway's fingerprint; a direct gRPC caller (inside the cluster) is known by its
     * address instead, so it is still rate limited on its own, and an overlong value (a key
     * in Redis) is not taken.
     */
    static String client(ServerCall<?, ?> call, Metadata headers) {
        String fingerprint = headers.get(CLIENT);
        if (fingerprint != null && !fingerprint.isBlank() && fingerprint.length() <= 128) {
            return fingerprint.strip();
        }
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return "direct:" + inet.getAddress().getHostAddress();
        }
        return "direct:unknown";
    }

    static Set<String> roles(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The trace id of a W3C traceparent ("00-<32 hex>-<16 hex>-<2 hex>"), or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
