package dev.newsroom.gateway.ops;

import dev.newsroom.gateway.transcoding.GrpcChannels;
import dev.newsroom.gateway.transcoding.GrpcTranscodingFilter;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness = every gRPC backend of the routes answers {@code grpc.health.v1.Health/Check}
 * with SERVING. One round of checks is shared by the probes for {@code cacheFor}.
 */
@Component
public class BackendReadiness {

    /** Each backend (route id) and what its health check said, e.g. SERVING or UNAVAILABLE. */
    public record Report(boolean ready, Map<String, String> backends) {}

    private record Cached(long expiresAtNanos, Mono<Report> report) {}

    private final RouteLocator routes;
    private final GrpcChannels channels;
    private final ReadinessProperties properties;
    private volatile Cached cached;

    public BackendReadiness(
            RouteLocator routes, GrpcChannels channels, ReadinessProperties properties) {
        this.routes = routes;
        this.channels = channels;
        this.properties = properties;
    }

    public Mono<Report> report() {
        Cached current = cached;
        long now = System.nanoTime();
        if (current == null || now - current.expiresAtNanos() > 0) {
            current = new Cached(now + properties.cacheFor().toNanos(), checkAll().cache());
            cached = current;
        }
        return current.report();
    }

    private Mono<Report> checkAll() {
        return routes.getRoutes()
                .filter(
                        route ->
                                GrpcTranscodingFilter.SCHEME.equalsIgnoreCase(
                                        route.getUri().getScheme()))
                .flatMap(route -> check(route).map(state -> Map.entry(route.getId(), state)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(
                        states ->
                                new Report(
                                        states.values().stream().allMatch("SERVING"::equals),
                                        Map.copyOf(states)));
    }

    private Mono<String> check(Route route) {
        String authority = route.getUri().getHost() + ":" + route.getUri().getPort();
        return Mono.<String>create(
                        sink ->
                                HealthGrpc.newStub(channels.channel(authority))
                                        .withDeadlineAfter(
                                                properties.checkTimeout().toMillis(),
                                                TimeUnit.MILLISECONDS)
                                        .check(
                                                HealthCheckRequest.getDefaultInstance(),
                                                new StreamObserver<>() {
                                                    @Override
                                                    public void onNext(
                                                            HealthCheckResponse response) {
                                                        sink.success(response.getStatus().name());
                                                    }

                                                    @Override
                                                    public void onError(Throwable failure) {
                                                        sink.success(
                                                                Status.fromThrowable(failure)
                                                                        .getCode()
                                                                        .name());
                                                    }

                                                    @Override
                                                    public void onCompleted() {
                                                        sink.success();
                                                    }
                                                }))
                .defaultIfEmpty("UNKNOWN")
                .onErrorResume(e -> Mono.just("UNKNOWN"));
    }
}
