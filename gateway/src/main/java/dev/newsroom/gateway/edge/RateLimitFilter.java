package dev.newsroom.gateway.edge;

import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.readpath.NearCacheFastPath;
import dev.newsroom.gateway.readpath.ReadPath;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.proto.common.v1.RateClass;
import io.netty.channel.EventLoop;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.ChannelOperations;

/**
 * Every request an RPC answers (and every other {@code /api/} request) spends a token of its client's budget before any other work: after the
 * request id and the token check, before the near-cache fast path, so hits are limited too.
 * The class is the one the matched RPC declares ({@code rate_class} in http_semantics),
 * never derived from the path text; a path no RPC answers spends from the read budget (its
 * 404 is cheap, but not free). A near-cache hit spends only from the in-process bucket; every
 * other call also from the shared one in Redis.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** Before {@link NearCacheFastPath}, after the request-context and token filters. */
    public static final int ORDER = NearCacheFastPath.ORDER - 10;

    private static final String API_PREFIX = "/api/";

    private final EdgeRateLimiter limiter;
    private final BindingCatalog catalog;
    private final ClientFingerprint fingerprint;
    private final ReadPath readPath;

    public RateLimitFilter(
            EdgeRateLimiter limiter,
            BindingCatalog catalog,
            ClientFingerprint fingerprint,
            ReadPath readPath) {
        this.limiter = limiter;
        this.catalog = catalog;
        this.fingerprint = fingerprint;
        this.readPath = readPath;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        if (!limiter.enabled() || path == null) {
            return chain.filter(exchange);
        }
        RateClass rateClass;
        try {
            rateClass =
                    catalog.match(exchange.getRequest().getMethod().name(), path)
                            .binding()
                            .semantics()
                            .rateClass();
        } catch (ApiException noSuchRoute) {
            if (!path.startsWith(API_PREFIX)) {
                return chain.filter(exchange); // reader pages, probes: no RPC behind them
            }
            rateClass = RateClass.RATE_CLASS_READ;
        }
        boolean sharedToo = !readPath.wouldAnswerFromCache(exchange);
        EventLoop loop = connectionLoop(exchange);
        Mono<Map<String, String>> verdict =
                limiter.take(fingerprint.client(exchange), rateClass, sharedToo);
        if (sharedToo && loop != null) {
            // the shared check answers on another thread; the response goes out from the
            // connection's own loop
            verdict = verdict.publishOn(Schedulers.fromExecutor(loop));
        }
        return verdict.flatMap(
                headers -> {
                    headers.forEach(exchange.getResponse().getHeaders()::set);
                    return chain.filter(exchange);
                });
    }

    private static EventLoop connectionLoop(ServerWebExchange exchange) {
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())
                instanceof ChannelOperations<?, ?> ops) {
            return ops.channel().eventLoop();
        }
        return null;
    }
}
