package dev.newsroom.gateway.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The operations port: {@code /readyz}, {@code /metrics} (and {@code /healthz}) for the
 * kubelet and Prometheus, on a port of its own that no ingress or route sends the public to.
 * It serves the same application as the public port; {@link OpsRouteFilter} keeps each
 * port to its own paths. Started with the web server, stopped after it.
 */
@Component
public class OpsServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpHandler handler;
    private final String address;
    private final int configuredPort;
    private volatile DisposableServer server;
    private volatile LoopResources loops;

    public OpsServer(
            HttpHandler handler,
            @Value("${newsroom.gateway.ops.address:0.0.0.0}") String address,
            @Value("${newsroom.gateway.ops.port:8090}") int port) {
        this.handler = handler;
        this.address = address;
        this.configuredPort = port;
    }

    /** The bound port (the chosen one when configured as 0); -1 before the start. */
    public int port() {
        DisposableServer running = server;
        return running == null ? -1 : running.port();
    }

    @Override
    public void start() {
        // event loops of its own: the shared Reactor Netty resources go away with any other
        // application context in the JVM that disposes them (tests start several)
        loops = LoopResources.create("gateway-ops", 1, true);
        server =
                HttpServer.create()
                        .runOn(loops)
                        .host(address)
                        .port(configuredPort)
                        .handle(new ReactorHttpHandlerAdapter(handler))
                        .bindNow(Duration.ofSeconds(10));
        log.info(
                "operations endpoints (/readyz, /metrics, /healthz) on {}:{}",
                address,
                server.port());
    }

    @Override
    public void stop() {
        DisposableServer running = server;
        server = null;
        if (running != null) {
            running.disposeNow(Duration.ofSeconds(5));
        }
        LoopResources own = loops;
        loops = null;
        if (own != null) {
            own.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Up before the public port (so probes answer as soon as traffic can arrive), down after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
