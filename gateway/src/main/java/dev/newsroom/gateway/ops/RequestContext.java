package dev.newsroom.gateway.ops;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/** The request id and trace of one exchange, kept as exchange attributes by {@link RequestContextFilter}. */
public record RequestContext(String requestId, TraceParent trace) {

    public static final String ATTRIBUTE = RequestContext.class.getName();

    /** Set by the filter before anything else runs; a fresh one if asked outside a request. */
    public static RequestContext of(ServerWebExchange exchange) {
        RequestContext context = exchange.getAttribute(ATTRIBUTE);
        return context != null
                ? context
                : new RequestContext("-", TraceParent.continueOrStart(null));
    }

    /** Runs {@code action} with the ECS MDC keys set, so log lines carry the request's ids. */
    public static void withMdc(ServerWebExchange exchange, Runnable action) {
        RequestContext context = of(exchange);
        MDC.put("trace.id", context.trace().traceId());
        MDC.put("span.id", context.trace().spanId());
        MDC.put("http.request.id", context.requestId());
        try {
            action.run();
        } finally {
            MDC.remove("trace.id");
            MDC.remove("span.id");
            MDC.remove("http.request.id");
        }
    }
}
