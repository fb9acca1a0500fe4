package dev.newsroom.gateway.auth;

import dev.newsroom.gateway.errors.ApiException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Identity at the edge (docs/architecture.md, decision 6): a request either has no Authorization
 * header (anonymous) or a valid bearer token; anything else is a 401, on public routes too.
 * The verified {@link Caller} becomes an exchange attribute and the raw header is dropped,
 * so it is never forwarded. Which roles an RPC needs is checked where the RPC is known
 * ({@link AccessRules}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BearerAuthFilter implements WebFilter {

    /** Probes and scrapers are not asked for tokens. */
    private static final Set<String> OPERATIONS_PATHS = Set.of("/healthz", "/readyz", "/metrics");

    private final TokenVerifier verifier;

    public BearerAuthFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || OPERATIONS_PATHS.contains(exchange.getRequest().getPath().value())) {
            exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.ANONYMOUS);
            return chain.filter(exchange);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return Mono.error(
                    ApiException.unauthenticated(
                            "the Authorization header must be 'Bearer <token>'", true));
        }
        String token = header.substring(7).trim();
        Mono<Caller> caller = Mono.fromCallable(() -> verifier.verify(token));
        if (verifier.mayBlock()) {
            caller = caller.subscribeOn(Schedulers.boundedElastic());
        }
        return caller.flatMap(
                verified -> {
                    exchange.getAttributes().put(Caller.ATTRIBUTE, verified);
                    var request =
                            exchange.getRequest()
                                    .mutate()
                                    .headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
                                    .build();
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }
}
