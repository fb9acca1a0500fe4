package dev.newsroom.gateway.ops;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/** The request URI as the client sent it, also after a route filter rewrote the request. */
public final class ClientUri {
    private ClientUri() {}

    public static URI of(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return originals != null && !originals.isEmpty()
                ? originals.iterator().next()
                : exchange.getRequest().getURI();
    }
}
