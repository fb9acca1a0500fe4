package dev.newsroom.gateway.transcoding;

import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.ops.RequestContext;
import dev.newsroom.identity.CallTokens;
import io.grpc.Metadata;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * Identity and trace for the service: the verified caller and the client fingerprint travel
 * only inside a call token signed for the service called ({@link CallSigner}); never the
 * client's own x-newsroom-* or Authorization headers.
 */
public class CallMetadata {

    private static final Metadata.Key<String> IDENTITY = key(CallTokens.HEADER);
    private static final Metadata.Key<String> REQUEST_ID = key("x-request-id");
    private static final Metadata.Key<String> TRACEPARENT = key("traceparent");

    private final ClientFingerprint fingerprint;
    private final CallSigner signer;

    public CallMetadata(ClientFingerprint fingerprint, CallSigner signer) {
        this.fingerprint = fingerprint;
        this.signer = signer;
    }

    /** @param service the route id of the service called: the token's audience */
    public Metadata of(ServerWebExchange exchange, Caller caller, String service) {
        Metadata headers = new Metadata();
        RequestContext context = RequestContext.of(exchange);
        headers.put(REQUEST_ID, context.requestId());
        headers.put(TRACEPARENT, context.trace().toString());
        List<String> roles = caller.authenticated() ? List.copyOf(caller.roles()) : List.of();
        headers.put(
                IDENTITY,
                signer.sign(
                        service,
                        caller.authenticated() ? caller.subject() : "",
                        roles,
                        fingerprint.client(exchange)));
        return headers;
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
