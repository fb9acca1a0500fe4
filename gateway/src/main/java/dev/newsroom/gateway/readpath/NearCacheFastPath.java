package dev.newsroom.gateway.readpath;

import dev.newsroom.gateway.transcoding.Rendered;
import dev.newsroom.gateway.transcoding.ResponseWriter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The hot read's short cut (docs/read-path.md): an anonymous GET whose answer the near cache
 * holds is answered here, after the gateway's own web filters (request id and trace, token
 * check, access log) and before Spring Cloud Gateway's route matching and route filters.
 * The near cache only ever holds answers to anonymous GETs of public reads, made through
 * the full path once, so a hit here gives what that path would give ({@link ReadPath} decides
 * both). Everything else, and every miss, goes on down the chain ({@code GrpcTranscodingFilter}
 * fills the cache).
 *
 * <p>The edge rate limits ({@code RateLimitFilter}) run before this filter, so hits spend
 * their client's budget. Because hits skip route matching and the route filters, a route
 * filter added to a route that serves near-cached RPCs does not see them, and neither would Spring Cloud
 * Gateway's global CORS settings (applied in route matching; none are configured); switch
 * this off ({@code newsroom.gateway.read-path.near-cache.fast-path}) if one must.
 */
public class NearCacheFastPath implements WebFilter, Ordered {

    /** After the gateway's request-context and token filters (ReaderPageHeaders, unordered, only touches non-API pages). */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private final ReadPath readPath;
    private final ResponseWriter responses;

    public NearCacheFastPath(ReadPath readPath, ResponseWriter responses) {
        this.readPath = readPath;
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Rendered hit = readPath.cachedAnswer(exchange);
        return hit == null ? chain.filter(exchange) : responses.send(exchange, hit);
    }
}
