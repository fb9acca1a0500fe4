package dev.newsroom.gateway.pages;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers for the reader pages served from {@code classpath:/static}: scripts only
 * from this origin (no inline script, so injected markup cannot run), no framing, no MIME
 * sniffing. Story images may come from any https origin. The API's JSON is not affected.
 */
@Component
public class ReaderPageHeaders implements WebFilter {
    static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        return chain.filter(exchange);
    }
}
