package dev.newsroom.gateway.transcoding;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import com.google.protobuf.DynamicMessage;
import dev.newsroom.gateway.auth.AccessRules;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.edge.BackendGuard;
import dev.newsroom.gateway.readpath.NearCache;
import dev.newsroom.gateway.readpath.ReadPath;
import io.netty.channel.EventLoop;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.ChannelOperations;

/**
 * The routing filter for {@code grpc://host:port} routes (docs/architecture.md, decision 1): finds the
 * RPC whose http rule matches, checks its roles, reads and binds the request
 * ({@link RequestBodyReader}, {@link RequestBinder}), calls the service and writes the JSON
 * answer ({@link ResponseWriter}), each call behind its backend's breaker and retried only
 * when the RPC is idempotent ({@link BackendGuard}). Runs last, after the route's own filters (rate limits,
 * breakers). Failures travel as errors to {@code JsonErrorHandler}. The read path
 * (docs/read-path.md) is {@link ReadPath}'s: whether the answer is shared and near-cached,
 * which answers are views, what a change evicts before its answer is written.
 */
public class GrpcTranscodingFilter implements GlobalFilter, Ordered {

    public static final String SCHEME = "grpc";

    /** After RouteToRequestUrlFilter and the load balancer; alongside the other routing filters. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private final BindingCatalog catalog;
    private final RequestBodyReader bodies;
    private final BackendClient backend;
    private final CallMetadata metadata;
    private final ReadPath readPath;
    private final ResponseWriter responses;
    private final BackendGuard guard;

    public GrpcTranscodingFilter(
            BindingCatalog catalog,
            RequestBodyReader bodies,
            BackendClient backend,
            CallMetadata metadata,
            ReadPath readPath,
            ResponseWriter responses,
            BackendGuard guard) {
        this.catalog = catalog;
        this.bodies = bodies;
        this.backend = backend;
        this.metadata = metadata;
        this.readPath = readPath;
        this.responses = responses;
        this.guard = guard;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !SCHEME.equalsIgnoreCase(url.getScheme()) || isAlreadyRouted(exchange)) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        return Mono.defer(() -> transcode(exchange, url));
    }

    private Mono<Void> transcode(ServerWebExchange exchange, URI url) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (url.getHost() == null || url.getPort() < 0) {
            throw new IllegalStateException("a grpc:// route needs host and port, not " + url);
        }
        String authority = url.getHost() + ":" + url.getPort();
        String service = route != null ? route.getId() : authority;
        BindingCatalog.Match match =
                catalog.match(exchange.getRequest().getMethod().name(), url.getRawPath());
        HttpBinding binding = match.binding();
        Caller caller = Caller.of(exchange);
        AccessRules.check(binding.requiredRoles(), caller);
        ReadPath.Decision read = readPath.decide(exchange, binding, caller);
        Map<String, List<String>> query = RequestBinder.parseQuery(url.getRawQuery());
        EventLoop loop = connectionLoop(exchange);
        Mono<DynamicMessage> request =
                bodies.read(exchange, binding)
                        .map(
                                body ->
                                        RequestBinder.bind(
                                                binding, match.pathVariables(), query, body));
        if (read.cacheKey() != null) {
            NearCache.Entry hit = readPath.cached(read.cacheKey());
            if (hit != null) {
                readPath.countView(exchange, hit, caller);
                return responses.send(exchange, hit.response());
            }
            Mono<DynamicMessage> call =
                    request.flatMap(
                            r -> call(exchange, service, authority, loop, binding, r, caller));
            // a shared load completes on the first caller's loop; every waiter goes back to its own
            return onLoop(
                            readPath.load(
                                    read.cacheKey(),
                                    binding,
                                    call,
                                    response ->
                                            responses.render(binding, read.shareable(), response)),
                            loop)
                    .flatMap(
                            entry -> {
                                readPath.countView(exchange, entry, caller);
                                return responses.send(exchange, entry.response());
                            });
        }
        return request.flatMap(
                r ->
                        call(exchange, service, authority, loop, binding, r, caller)
                                .flatMap(
                                        response -> {
                                            Rendered answer =
                                                    responses.render(
                                                            binding, read.shareable(), response);
                                            readPath.answered(
                                                    exchange, binding, caller, r, response);
                                            return responses.send(exchange, answer);
                                        }));
    }

    private Mono<DynamicMessage> call(
            ServerWebExchange exchange,
            String service,
            String authority,
            EventLoop loop,
            HttpBinding binding,
            DynamicMessage request,
            Caller caller) {
        var headers = metadata.of(exchange, caller, service);
        return onLoop(
                guard.call(
                        service,
                        binding.semantics().idempotent(),
                        () -> backend.call(service, authority, loop, binding, request, headers)),
                loop);
    }

    /** The event loop of the client's connection, or null when the request is not on one (tests). */
    private static EventLoop connectionLoop(ServerWebExchange exchange) {
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())
                instanceof ChannelOperations<?, ?> ops) {
            return ops.channel().eventLoop();
        }
        return null;
    }

    /**
     * {@code answer}'s signals on {@code loop}: a keep-alive connection whose responses are written
     * from two threads (a near-cache hit on its own loop, a miss from another thread) was seen to
     * lose a response under load. Calls on the connection's own channel answer on the loop
     * already; only a shared load or a call that could not use it moves over.
     */
    private static <T> Mono<T> onLoop(Mono<T> answer, EventLoop loop) {
        if (loop == null) {
            return answer;
        }
        return answer.materialize()
                .flatMap(
                        signal ->
                                loop.inEventLoop()
                                        ? Mono.just(signal)
                                        : Mono.just(signal)
                                                .publishOn(Schedulers.fromExecutor(loop)))
                .dematerialize();
    }
}
