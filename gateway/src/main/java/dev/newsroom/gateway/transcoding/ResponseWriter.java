package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.caching.HttpCaching;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Writes an RPC's answer as proto3 JSON (lowerCamelCase, default values omitted): 201 with
 * Location for a create (POST without {@code :verb}), 304 when the client's copy is current,
 * else 200 — with the caching headers of {@link HttpCaching}.
 */
public class ResponseWriter {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private final HttpCaching caching;

  public ResponseWriter(HttpCaching caching) {
    this.caching = caching;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpBinding binding, Caller caller, DynamicMessage message) {
    ServerHttpResponse response = exchange.getResponse();
    HttpHeaders headers = response.getHeaders();
    boolean isGet = HttpMethod.GET.equals(exchange.getRequest().getMethod());
    boolean shareable = isGet && !caller.authenticated() && binding.requiredRoles().isEmpty();
    boolean created = binding.httpMethod().equals("POST") && !binding.customMethod();
    if (caching.apply(isGet, shareable, message, exchange.getRequest().getHeaders(), headers)) {
      response.setStatusCode(HttpStatus.NOT_MODIFIED);
      return response.setComplete();
    }
    response.setStatusCode(created ? HttpStatus.CREATED : HttpStatus.OK);
    FieldDescriptor id = message.getDescriptorForType().findFieldByName("id");
    if (created && id != null && !id.isRepeated() && message.hasField(id)) {
      String location = originalPath(exchange) + "/" + UriUtils.encodePathSegment(
          String.valueOf(message.getField(id)), StandardCharsets.UTF_8);
      headers.setLocation(URI.create(location));
    }
    String json;
    try {
      json = PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      return Mono.error(new IllegalStateException("cannot print " + binding.grpcMethod().getFullMethodName(), e));
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setContentLength(bytes.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }

  /** The path as the client sent it, before any route filter rewrote it. */
  private static String originalPath(ServerWebExchange exchange) {
    Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
    if (originals != null && !originals.isEmpty()) {
      return originals.iterator().next().getRawPath();
    }
    return exchange.getRequest().getURI().getRawPath();
  }
}
