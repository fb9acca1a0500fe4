package dev.newsroom.gateway.ops;

import dev.newsroom.gateway.errors.ApiException;
import java.net.InetSocketAddress;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps each port to its own paths: the operations port ({@link OpsServer}) answers only
 * the probes and metrics, and the public port never answers {@code /readyz} or
 * {@code /metrics} (404, as for any unknown path): what they tell (backends, versions,
 * traffic) is not for the public, and a probe flood must not reach the health checks.
 * {@code /healthz} says only "up" and answers on both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class OpsRouteFilter implements WebFilter {

    private static final Set<String> OPS_ONLY = Set.of("/readyz", "/metrics");
    private static final String LIVENESS = "/healthz";

    private final ObjectProvider<OpsServer> ops;

    public OpsRouteFilter(ObjectProvider<OpsServer> ops) {
        this.ops = ops;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean opsPath = OPS_ONLY.contains(path);
        if (opsPath == onOpsPort(exchange) || path.equals(LIVENESS)) {
            return chain.filter(exchange);
        }
        return Mono.error(ApiException.notFound("no such resource: " + path));
    }

    private boolean onOpsPort(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        OpsServer server = ops.getIfAvailable();
        return local != null && server != null && local.getPort() == server.port();
    }
}
