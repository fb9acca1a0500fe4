package dev.newsroom.gateway.transcoding;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import com.google.protobuf.DynamicMessage;
import dev.newsroom.gateway.auth.AccessRules;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.ops.RequestContext;
import dev.newsroom.gateway.readpath.NearCache;
import dev.newsroom.gateway.readpath.StoryRef;
import dev.newsroom.gateway.readpath.ViewCounter;
import io.grpc.Metadata;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import io.netty.channel.EventLoop;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.ChannelOperations;

/**
 * The routing filter for {@code grpc://host:port} routes (docs/architecture.md, decision 1): finds the
 * RPC whose http rule matches, checks its roles, binds the request, calls the service and
 * writes the JSON answer. Runs last, after the route's own filters (rate limits, breakers).
 * Failures travel as errors to {@code JsonErrorHandler}. The read path (docs/read-path.md):
 * anonymous GETs of near-cached RPCs are answered from {@link NearCache} when it holds them;
 * reader views are handed to {@link ViewCounter}; a change this replica carried evicts the
 * story before its answer is written.
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
  /** Too-large bodies up to this size are read and dropped before the 413; larger ones close the connection. */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  /** Exchange attribute: a too-large body was read to its end before the 413 (the connection stays usable). */
  public static final String BODY_DRAINED = GrpcTranscodingFilter.class.getName() + ".bodyDrained";
  private final ClientFingerprint fingerprint;
  private final NearCache nearCache;
  private final ViewCounter views;

  public GrpcTranscodingFilter(BindingCatalog catalog, BackendClient backend, ResponseWriter responses,
      long maxRequestBody, ClientFingerprint fingerprint, NearCache nearCache, ViewCounter views) {
    this.fingerprint = fingerprint;
    this.nearCache = nearCache;
    this.views = views;
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
    String rpc = binding.grpcMethod().getFullMethodName();
    boolean isGet = binding.httpMethod().equals("GET");
    String cacheKey = isGet && !caller.authenticated() && binding.requiredRoles().isEmpty() && nearCache.caches(rpc)
        ? NearCache.key(exchange) : null;
    Map<String, List<String>> query = RequestBinder.parseQuery(url.getRawQuery());
    EventLoop loop = connectionLoop(exchange);
    Mono<DynamicMessage> call = readBody(exchange, binding)
        .map(body -> RequestBinder.bind(binding, match.pathVariables(), query, body))
        .flatMap(request -> onLoop(backend.call(service, authority, loop, binding, request, metadata(exchange, caller)), loop));
    if (cacheKey != null) {
      NearCache.Entry hit = nearCache.get(cacheKey);
      if (hit != null) {
        countView(exchange, rpc, hit.story(), caller);
        return responses.send(exchange, hit.response());
      }
      // a shared load completes on the first caller's loop; every waiter goes back to its own
      return onLoop(nearCache.load(cacheKey, () -> call.map(response ->
              new NearCache.Entry(responses.render(exchange, binding, caller, response), StoryRef.of(response), rpc))), loop)
          .flatMap(entry -> {
            countView(exchange, rpc, entry.story(), caller);
            return responses.send(exchange, entry.response());
          });
    }
    return call
        .flatMap(response -> {
          Rendered answer = responses.render(exchange, binding, caller, response);
          StoryRef story = StoryRef.of(response);
          if (!isGet && story != null) {
            nearCache.evict(story.id());
          }
          if (isGet) {
            countView(exchange, rpc, story, caller);
          }
          return responses.send(exchange, answer);
        });
  }

  /** The event loop of the client's connection, or null when the request is not on one (tests). */
  private static EventLoop connectionLoop(ServerWebExchange exchange) {
    if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof ChannelOperations<?, ?> ops) {
      return ops.channel().eventLoop();
    }
    return null;
  }

  /**
   * {@code answer}'s signals on {@code loop}: a keep-alive connection whose responses are written
   * from two threads (a near-cache hit on its own loop, a miss from another thread) was seen to
   * lose a response under load. Calls on the connection's own channel answer on the loop
   * already; only a shared load or a call that could not use it moves over.
   */
  private static <T> Mono<T> onLoop(Mono<T> answer, EventLoop loop) {
    if (loop == null) {
      return answer;
    }
    return answer.materialize()
        .flatMap(signal -> loop.inEventLoop() ? Mono.just(signal) : Mono.just(signal).publishOn(Schedulers.fromExecutor(loop)))
        .dematerialize();
  }

  private void countView(ServerWebExchange exchange, String rpc, StoryRef story, Caller caller) {
    if (views.counts(rpc, story, caller)) {
      views.record(story, fingerprint.of(exchange));
    }
  }

  /** The body, at most {@code maxRequestBody} bytes (by Content-Length and as streamed), and JSON. */
  private Mono<byte[]> readBody(ServerWebExchange exchange, HttpBinding binding) {
    ServerHttpRequest request = exchange.getRequest();
    if (!binding.hasBody()) {
      return Mono.just(new byte[0]);
    }
    long declared = request.getHeaders().getContentLength();
    if (declared > DRAIN_LIMIT) {
      // too much to read through: answered at once, and the connection closes
      return Mono.error(ApiException.payloadTooLarge(maxRequestBody));
    }
    return readToEnd(exchange, declared <= maxRequestBody).doOnNext(bytes -> requireJson(request, bytes));
  }

  /**
   * The body read to its end, declared or chunked: past the limit the rest is read and dropped,
   * up to {@link #DRAIN_LIMIT}, and the 413 comes after it, marked {@link #BODY_DRAINED}: a
   * client still sending when the answer came would lose it to a closed connection (seen with
   * chunked bodies under load); this way it gets its 413 on a connection that stays usable.
   * Beyond the drain limit the answer comes at once and the connection closes.
   *
   * @param keep false when the declared length is already too large: nothing is kept
   */
  private Mono<byte[]> readToEnd(ServerWebExchange exchange, boolean keep) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long[] seen = {0};
    return exchange.getRequest().getBody()
        .<byte[]>handle((buffer, sink) -> {
          try {
            int n = buffer.readableByteCount();
            seen[0] += n;
            if (keep && seen[0] <= maxRequestBody) {
              byte[] bytes = new byte[n];
              buffer.read(bytes);
              kept.write(bytes, 0, n);
            } else if (seen[0] > DRAIN_LIMIT) {
              sink.error(ApiException.payloadTooLarge(maxRequestBody));
            }
          } finally {
            DataBufferUtils.release(buffer);
          }
        })
        .then(Mono.fromCallable(() -> {
          if (!keep || seen[0] > maxRequestBody) {
            exchange.getAttributes().put(BODY_DRAINED, Boolean.TRUE);
            throw ApiException.payloadTooLarge(maxRequestBody);
          }
          return kept.toByteArray();
        }));
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
