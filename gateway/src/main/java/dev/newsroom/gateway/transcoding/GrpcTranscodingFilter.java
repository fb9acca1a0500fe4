package dev.newsroom.gateway.transcoding;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import dev.newsroom.gateway.auth.AccessRules;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.ops.RequestContext;
import io.grpc.Metadata;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The routing filter for {@code grpc://host:port} routes (architecture decision 1): finds the
 * RPC whose http rule matches, checks its roles, binds the request, calls the service and
 * writes the JSON answer. Runs last, after the route's own filters (rate limits, breakers).
 * Failures travel as errors to {@code JsonErrorHandler}.
 */
public class GrpcTranscodingFilter implements GlobalFilter, Ordered {

  public static final String SCHEME = "grpc";
  /** After RouteToRequestUrlFilter and the load balancer; alongside the other routing filters. */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

  private static final Metadata.Key<String> SUBJECT = key("x-newsroom-subject");
  private static final Metadata.Key<String> ROLES = key("x-newsroom-roles");
  private static final Metadata.Key<String> REQUEST_ID = key("x-request-id");
  private static final Metadata.Key<String> TRACEPARENT = key("traceparent");
  private static final Metadata.Key<String> CLIENT = key("x-newsroom-client");

  private final BindingCatalog catalog;
  private final BackendClient backend;
  private final ResponseWriter responses;
  private final long maxRequestBody;
  private final ClientFingerprint fingerprint;

  public GrpcTranscodingFilter(BindingCatalog catalog, BackendClient backend, ResponseWriter responses,
      long maxRequestBody, ClientFingerprint fingerprint) {
    this.fingerprint = fingerprint;
    this.catalog = catalog;
    this.backend = backend;
    this.responses = responses;
    this.maxRequestBody = maxRequestBody;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    if (url == null || !SCHEME.equalsIgnoreCase(url.getScheme()) || isAlreadyRouted(exchange)) {
      return chain.filter(exchange);
    }
    setAlreadyRouted(exchange);
    return Mono.defer(() -> transcode(exchange, url));
  }

  private Mono<Void> transcode(ServerWebExchange exchange, URI url) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    if (url.getHost() == null || url.getPort() < 0) {
      throw new IllegalStateException("a grpc:// route needs host and port, not " + url);
    }
    String authority = url.getHost() + ":" + url.getPort();
    String service = route != null ? route.getId() : authority;
    BindingCatalog.Match match = catalog.match(exchange.getRequest().getMethod().name(), url.getRawPath());
    HttpBinding binding = match.binding();
    Caller caller = Caller.of(exchange);
    AccessRules.check(binding.requiredRoles(), caller);
    Map<String, List<String>> query = RequestBinder.parseQuery(url.getRawQuery());
    return readBody(exchange.getRequest(), binding)
        .map(body -> RequestBinder.bind(binding, match.pathVariables(), query, body))
        .flatMap(request -> backend.call(service, authority, binding, request, metadata(exchange, caller)))
        .flatMap(response -> responses.write(exchange, binding, caller, response));
  }

  /** The body, at most {@code maxRequestBody} bytes (by Content-Length and as streamed), and JSON. */
  private Mono<byte[]> readBody(ServerHttpRequest request, HttpBinding binding) {
    if (!binding.hasBody()) {
      return Mono.just(new byte[0]);
    }
    if (request.getHeaders().getContentLength() > maxRequestBody) {
      return Mono.error(ApiException.payloadTooLarge(maxRequestBody));
    }
    return DataBufferUtils.join(request.getBody(), (int) Math.min(maxRequestBody, Integer.MAX_VALUE))
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .onErrorMap(DataBufferLimitException.class, e -> ApiException.payloadTooLarge(maxRequestBody))
        .defaultIfEmpty(new byte[0])
        .doOnNext(bytes -> requireJson(request, bytes));
  }

  private static void requireJson(ServerHttpRequest request, byte[] body) {
    if (body.length == 0) {
      return;
    }
    String header = request.getHeaders().getFirst("Content-Type");
    try {
      MediaType type = header == null ? null : MediaType.parseMediaType(header);
      if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || (type.getType().equals("application") && type.getSubtype().endsWith("+json")))) {
        return;
      }
    } catch (InvalidMediaTypeException e) {
      // answered below like any other unsupported type
    }
    throw ApiException.unsupportedMediaType(header == null ? "nothing" : header);
  }

  /** Identity and trace for the service; never the client's own x-newsroom-* or Authorization headers. */
  private Metadata metadata(ServerWebExchange exchange, Caller caller) {
    Metadata headers = new Metadata();
    RequestContext context = RequestContext.of(exchange);
    headers.put(CLIENT, fingerprint.of(exchange));
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
