package dev.newsroom.gateway.transcoding;

import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.ops.RequestContext;
import io.grpc.Metadata;
import org.springframework.web.server.ServerWebExchange;

/** Identity and trace for the service; never the client's own x-newsroom-* or Authorization headers. */
public class CallMetadata {

  private static final Metadata.Key<String> SUBJECT = key("x-newsroom-subject");
  private static final Metadata.Key<String> ROLES = key("x-newsroom-roles");
  private static final Metadata.Key<String> REQUEST_ID = key("x-request-id");
  private static final Metadata.Key<String> TRACEPARENT = key("traceparent");
  private static final Metadata.Key<String> CLIENT = key("x-newsroom-client");

  private final ClientFingerprint fingerprint;

  public CallMetadata(ClientFingerprint fingerprint) {
    this.fingerprint = fingerprint;
  }

  public Metadata of(ServerWebExchange exchange, Caller caller) {
    Metadata headers = new Metadata();
    RequestContext context = RequestContext.of(exchange);
    headers.put(CLIENT, fingerprint.client(exchange));
    headers.put(REQUEST_ID, context.requestId());
    headers.put(TRACEPARENT, context.trace().toString());
    if (caller.authenticated()) {
      headers.put(SUBJECT, caller.subject());
      if (!caller.roles().isEmpty()) {
        headers.put(ROLES, String.join(",", caller.roles()));
      }
    }
    return headers;
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
