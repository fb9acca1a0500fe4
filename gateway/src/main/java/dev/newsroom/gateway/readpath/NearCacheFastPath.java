package dev.newsroom.gateway.readpath;

import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.transcoding.ResponseWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The hot read's short cut (docs/read-path.md): an anonymous GET whose answer the near cache
 * holds is answered here, after the gateway's own web filters (request id and trace, token
 * check, access log) and before Spring Cloud Gateway's route matching and route filters.
 * The near cache only ever holds answers to anonymous GETs of role-free RPCs, made through
 * the full path once, so a hit here gives what that path would give. Everything else, and
 * every miss, goes on down the chain ({@code GrpcTranscodingFilter} fills the cache).
 *
 * <p>Because hits skip route matching and the route filters, a rate limiter or breaker added
 * to a route that serves near-cached RPCs does not see them, and neither would Spring Cloud
 * Gateway's global CORS settings (applied in route matching; none are configured); switch
 * this off ({@code newsroom.gateway.read-path.near-cache.fast-path}) if one must.
 */
public class NearCacheFastPath implements WebFilter, Ordered {

  /** After the gateway's request-context and token filters (ReaderPageHeaders, unordered, only touches non-API pages). */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  private final NearCache cache;
  private final ViewCounter views;
  private final ClientFingerprint fingerprint;
  private final ResponseWriter responses;

  public NearCacheFastPath(NearCache cache, ViewCounter views, ClientFingerprint fingerprint, ResponseWriter responses) {
    this.cache = cache;
    this.views = views;
    this.fingerprint = fingerprint;
    this.responses = responses;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
      return chain.filter(exchange);
    }
    Caller caller = Caller.of(exchange);
    NearCache.Entry hit = caller.authenticated() ? null : cache.hit(NearCache.key(exchange));
    if (hit == null) {
      return chain.filter(exchange);
    }
    if (views.counts(hit.rpc(), hit.story(), caller)) {
      views.record(hit.story(), fingerprint.of(exchange));
    }
    return responses.send(exchange, hit.response());
  }
}
