package dev.newsroom.gateway.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.newsroom.testing.v1.ArchiveThingRequest;
import dev.newsroom.testing.v1.CreateThingRequest;
import dev.newsroom.testing.v1.DeleteThingRequest;
import dev.newsroom.testing.v1.EchoServiceGrpc;
import dev.newsroom.testing.v1.FailRequest;
import dev.newsroom.testing.v1.FlakyRequest;
import dev.newsroom.testing.v1.GetThingBySlugRequest;
import dev.newsroom.testing.v1.GetThingRequest;
import dev.newsroom.testing.v1.Identity;
import dev.newsroom.testing.v1.ListThingsRequest;
import dev.newsroom.testing.v1.ListThingsResponse;
import dev.newsroom.testing.v1.SlowRequest;
import dev.newsroom.testing.v1.Thing;
import dev.newsroom.testing.v1.UpdateThingRequest;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on 127.0.0.1 (random port) implementing the test-only EchoService:
 * each answer carries the request as the service received it ({@code echo}).
 */
public final class EchoBackend extends EchoServiceGrpc.EchoServiceImplBase {

    private static final Context.Key<Metadata> HEADERS = Context.key("headers");
    private static final JsonFormat.Printer JSON =
            JsonFormat.printer().omittingInsignificantWhitespace();
    private static EchoBackend shared;

    private final Server server;
    private final HealthStatusManager health = new HealthStatusManager();

    private EchoBackend() {
        ServerInterceptor captureHeaders =
                new ServerInterceptor() {
                    @Override
                    public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
                            io.grpc.ServerCall<Q, R> call,
                            Metadata headers,
                            io.grpc.ServerCallHandler<Q, R> next) {
                        return Contexts.interceptCall(
                                Context.current().withValue(HEADERS, headers), call, headers, next);
                    }
                };
        try {
            server =
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                            .addService(ServerInterceptors.intercept(this, captureHeaders))
                            .addService(health.getHealthService())
                            .build()
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One server for all the tests of this JVM (the Spring contexts are cached and shared too). */
    public static synchronized EchoBackend shared() {
        if (shared == null) {
            shared = new EchoBackend();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.shutdownNow()));
        }
        return shared;
    }

    /** A fresh server that the caller stops. */
    public static EchoBackend startNew() {
        return new EchoBackend();
    }

    public int port() {
        return server.getPort();
    }

    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A loopback port where nothing listens. */
    public static int closedPort() {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void getThing(GetThingRequest request, StreamObserver<Thing> out) {
        reply(
                out,
                Thing.newBuilder()
                        .setId(request.getId())
                        .setName("thing-" + request.getId())
                        .setVersion(request.getVersion() == 0 ? 1 : request.getVersion())
                        .setEcho(json(request))
                        .build());
    }

    @Override
    public void getThingBySlug(GetThingBySlugRequest request, StreamObserver<Thing> out) {
        reply(
                out,
                Thing.newBuilder()
                        .setId(7)
                        .setName(request.getSlug())
                        .setVersion(3)
                        .setEcho(json(request))
                        .build());
    }

    @Override
    public void listThings(ListThingsRequest request, StreamObserver<ListThingsResponse> out) {
        reply(
                out,
                ListThingsResponse.newBuilder()
                        .setEcho(json(request))
                        .addThings(Thing.newBuilder().setId(1).setName("one"))
                        .build());
    }

    @Override
    public void createThing(CreateThingRequest request, StreamObserver<Thing> out) {
        reply(
                out,
                request.getThing().toBuilder()
                        .setId(42)
                        .setVersion(1)
                        .setEcho(json(request))
                        .build());
    }

    @Override
    public void updateThing(UpdateThingRequest request, StreamObserver<Thing> out) {
        reply(
                out,
                request.getThing().toBuilder()
                        .setVersion(request.getThing().getVersion() + 1)
                        .setEcho(json(request))
                        .build());
    }

    @Override
    public void archiveThing(ArchiveThingRequest request, StreamObserver<Thing> out) {
        reply(out, Thing.newBuilder().setId(request.getId()).setEcho(json(request)).build());
    }

    @Override
    public void deleteThing(DeleteThingRequest request, StreamObserver<Empty> out) {
        reply(out, Empty.getDefaultInstance());
    }

    @Override
    public void fail(FailRequest request, StreamObserver<Thing> out) {
        Status.Code code = Status.Code.valueOf(request.getCode());
        com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder()
                        .setCode(code.value())
                        .setMessage(
                                request.getMessage().isEmpty()
                                        ? "failed on purpose"
                                        : request.getMessage());
        if (request.getViolationsCount() > 0) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (String violation : request.getViolationsList()) {
                String[] parts = violation.split(":", 2);
                badRequest.addFieldViolations(
                        BadRequest.FieldViolation.newBuilder()
                                .setField(parts[0])
                                .setDescription(parts.length > 1 ? parts[1] : ""));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        if (request.getRetryAfterMillis() > 0) {
            long millis = request.getRetryAfterMillis();
            status.addDetails(
                    Any.pack(
                            com.google.rpc.RetryInfo.newBuilder()
                                    .setRetryDelay(
                                            com.google.protobuf.Duration.newBuilder()
                                                    .setSeconds(millis / 1000)
                                                    .setNanos((int) (millis % 1000) * 1_000_000))
                                    .build()));
        }
        if (status.getCode() == Code.OK_VALUE) {
            reply(out, Thing.getDefaultInstance());
        } else {
            out.onError(StatusProto.toStatusRuntimeException(status.build()));
        }
    }

    @Override
    public void slow(SlowRequest request, StreamObserver<Thing> out) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.getMillis());
        while (System.nanoTime() < until && !Context.current().isCancelled()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (Context.current().isCancelled()) {
            out.onError(Status.CANCELLED.asRuntimeException());
            return;
        }
        reply(out, Thing.newBuilder().setId(1).build());
    }

    private final java.util.concurrent.ConcurrentHashMap<
                    String, java.util.concurrent.atomic.AtomicInteger>
            flakyCalls = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void flaky(FlakyRequest request, StreamObserver<Thing> out) {
        int call =
                flakyCalls
                        .computeIfAbsent(
                                request.getKey(),
                                k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
        if (call <= request.getFailures()) {
            out.onError(
                    Status.UNAVAILABLE.withDescription("flaky call " + call).asRuntimeException());
            return;
        }
        reply(out, Thing.newBuilder().setId(call).build());
    }

    @Override
    public void pokeFlaky(FlakyRequest request, StreamObserver<Thing> out) {
        flaky(request, out);
    }

    /** How often {@code key} was asked for (by Flaky or PokeFlaky). */
    public int flakyCalls(String key) {
        var calls = flakyCalls.get(key);
        return calls == null ? 0 : calls.get();
    }

    @Override
    public void whoAmI(Empty request, StreamObserver<Identity> out) {
        Metadata headers = HEADERS.get();
        Identity.Builder identity = Identity.newBuilder();
        for (String key : headers.keys()) {
            if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                identity.putMetadata(
                        key,
                        String.join(
                                "|",
                                headers.getAll(
                                        Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))));
            }
        }
        reply(out, identity.build());
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    private static String json(Message message) {
        try {
            return JSON.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
