package dev.newsroom.service;

import dev.newsroom.identity.CallIdentity;
import dev.newsroom.identity.CallTokens;
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
import java.util.Optional;
import java.util.Set;
import org.slf4j.MDC;

/**
 * Makes the call's {@link Caller} from its signed call token ({@value CallTokens#HEADER}: the
 * gateway's for a reader's or editor's call, a service's own for its calls): only a token that
 * verifies for this service counts (docs/security.md, "Identity between services"); without
 * one the caller is anonymous, known by its network address. Puts the trace and request ids
 * (traceparent, x-request-id) into the logging MDC ({@code trace.id}, {@code http.request.id}:
 * the gateway's ECS keys) while the call's callbacks run. Each service registers one as a bean.
 */
public class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> IDENTITY = key(CallTokens.HEADER);
    static final Metadata.Key<String> TRACEPARENT = key("traceparent");
    static final Metadata.Key<String> REQUEST_ID = key("x-request-id");

    private final CallTokens tokens;
    private final String audience;

    /** @param audience this service's name, the audience its callers sign for (e.g. "article-service") */
    public CallerInterceptor(CallTokens tokens, String audience) {
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Caller caller = caller(call, headers);
        String traceId = traceId(headers.get(TRACEPARENT));
        String requestId = headers.get(REQUEST_ID);
        ServerCall.Listener<Q> listener =
                Contexts.interceptCall(
                        Context.current().withValue(Caller.KEY, caller), call, headers, next);
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
     * The verified identity with the gateway's client fingerprint; without a valid token an
     * anonymous caller known by its address, so it is still rate limited on its own. An
     * overlong fingerprint (a key in Redis) is not taken.
     */
    Caller caller(ServerCall<?, ?> call, Metadata headers) {
        Optional<CallIdentity> identity = tokens.verify(headers.get(IDENTITY), audience);
        if (identity.isEmpty()) {
            return new Caller("", Set.of(), direct(call));
        }
        CallIdentity id = identity.get();
        String client = id.client();
        return new Caller(
                id.subject(),
                id.roles(),
                client.isBlank() || client.length() > 128 ? direct(call) : client.strip());
    }

    static String direct(ServerCall<?, ?> call) {
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return "direct:" + inet.getAddress().getHostAddress();
        }
        return "direct:unknown";
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
