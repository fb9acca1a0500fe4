package dev.newsroom.gateway.ops;

import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First thing on every request: gives it a request id (the client's X-Request-Id when sane)
 * and a W3C trace, drops client-supplied {@code x-newsroom-*} headers (identity is only what
 * the gateway asserts), and writes one access-log line when the response is committed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContextFilter implements WebFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger accessLog = LoggerFactory.getLogger("dev.newsroom.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        String clientId = request.getHeaders().getFirst(REQUEST_ID_HEADER);
        String requestId =
                clientId != null && SANE_REQUEST_ID.matcher(clientId).matches()
                        ? clientId
                        : TraceParent.randomHex(16);
        TraceParent trace =
                TraceParent.continueOrStart(request.getHeaders().getFirst(TRACEPARENT_HEADER));
        exchange.getAttributes()
                .put(RequestContext.ATTRIBUTE, new RequestContext(requestId, trace));
        exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);

        ServerWebExchange next = exchange;
        if (request.getHeaders().headerNames().stream()
                .anyMatch(RequestContextFilter::isAsserted)) {
            ServerHttpRequest cleaned =
                    request.mutate()
                            .headers(
                                    headers -> {
                                        for (String name : List.copyOf(headers.headerNames())) {
                                            if (isAsserted(name)) {
                                                headers.remove(name);
                                            }
                                        }
                                    })
                            .build();
            next = exchange.mutate().request(cleaned).build();
        }
        ServerWebExchange exchangeForLog = next;
        if (accessLog.isInfoEnabled()) {
            next.getResponse()
                    .beforeCommit(() -> Mono.fromRunnable(() -> logAccess(exchangeForLog, start)));
        }
        return chain.filter(next);
    }

    /** Headers only the gateway may set: identity and client fingerprint for the services. */
    private static boolean isAsserted(String name) {
        return name.regionMatches(true, 0, "x-newsroom-", 0, 11);
    }

    private static void logAccess(ServerWebExchange exchange, long start) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        long nanos = System.nanoTime() - start;
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        RequestContext.withMdc(
                exchange,
                () ->
                        accessLog
                                .atInfo()
                                .addKeyValue("http.request.method", method)
                                .addKeyValue("url.path", path)
                                .addKeyValue("http.response.status_code", code)
                                .addKeyValue("event.duration", nanos)
                                .log("{} {} {} {}ms", method, path, code, nanos / 1_000_000));
    }
}
