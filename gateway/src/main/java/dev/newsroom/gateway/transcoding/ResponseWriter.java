package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.caching.HttpCaching;
import dev.newsroom.gateway.ops.ClientUri;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Writes an RPC's answer as proto3 JSON ({@link ProtoJson}: lowerCamelCase, default values omitted): 201 with
 * Location for a create (POST without {@code :verb}), 304 when the client's copy is current,
 * else 200 — with the caching headers of {@link HttpCaching}. {@link #render} and
 * {@link #send} are separate so the near cache can keep and resend rendered answers.
 */
public class ResponseWriter {

  private final HttpCaching caching;

  public ResponseWriter(HttpCaching caching) {
    this.caching = caching;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpBinding binding, Caller caller, DynamicMessage message) {
    return send(exchange, render(exchange, binding, caller, message));
  }

  /** The answer as it will be sent, before any per-request 304 decision. */
  public Rendered render(ServerWebExchange exchange, HttpBinding binding, Caller caller, DynamicMessage message) {
    boolean isGet = HttpMethod.GET.equals(exchange.getRequest().getMethod());
    boolean shareable = isGet && !caller.authenticated() && binding.requiredRoles().isEmpty();
    boolean created = binding.httpMethod().equals("POST") && !binding.customMethod();
    String etag = isGet ? HttpCaching.etagOf(message) : null;
    URI location = null;
    FieldDescriptor id = message.getDescriptorForType().findFieldByName("id");
    if (created && id != null && !id.isRepeated() && message.hasField(id)) {
      location = URI.create(ClientUri.of(exchange).getRawPath() + "/" + UriUtils.encodePathSegment(
          String.valueOf(message.getField(id)), StandardCharsets.UTF_8));
    }
    byte[] json;
    try {
      json = ProtoJson.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + binding.grpcMethod().getFullMethodName(), e);
    }
    return new Rendered(created ? HttpStatus.CREATED : HttpStatus.OK, json, etag,
        caching.cacheControl(isGet, shareable, etag != null), location);
  }

  /** Sends {@code answer}, or 304 when the request's If-None-Match names its ETag. */
  public Mono<Void> send(ServerWebExchange exchange, Rendered answer) {
    ServerHttpResponse response = exchange.getResponse();
    HttpHeaders headers = response.getHeaders();
    headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    headers.set(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
    if (answer.etag() != null) {
      headers.setETag(answer.etag());
      if (HttpCaching.matches(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
        response.setStatusCode(HttpStatus.NOT_MODIFIED);
        return response.setComplete();
      }
    }
    response.setStatusCode(answer.status());
    if (answer.location() != null) {
      headers.setLocation(answer.location());
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setContentLength(answer.body().length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
  }
}
