package dev.newsroom.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A real gRPC server on loopback with its calls on {@link CallThreads}. */
class CallThreadsTest {
    private static final MethodDescriptor<String, String> SLOW =
            MethodDescriptor.<String, String>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName("test.Slow/Wait")
                    .setRequestMarshaller(new Text())
                    .setResponseMarshaller(new Text())
                    .build();

    @Test
    void callsBeyondThePoolQueueWhileHealthChecksAreStillAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ServerServiceDefinition slow =
                ServerServiceDefinition.builder("test.Slow")
                        .addMethod(
                                SLOW,
                                ServerCalls.asyncUnaryCall(
                                        (request, out) -> {
                                            mostAtOnce.accumulateAndGet(
                                                    running.incrementAndGet(), Math::max);
                                            try {
                                                release.await(10, TimeUnit.SECONDS);
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                            running.decrementAndGet();
                                            out.onNext(request);
                                            out.onCompleted();
                                        }))
                        .build();
        HealthStatusManager health = new HealthStatusManager();
        try (CallThreads threads = new CallThreads("test-call-", 2)) {
            Server server =
                    threads.applyTo(
                                    NettyServerBuilder.forAddress(
                                            new InetSocketAddress("127.0.0.1", 0)))
                            .addService(slow)
                            .addService(health.getHealthService())
                            .build()
                            .start();
            ManagedChannel channel =
                    NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                            .usePlaintext()
                            .build();
            try {
                List<ListenableFuture<String>> calls = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    calls.add(
                            ClientCalls.futureUnaryCall(
                                    channel.newCall(SLOW, CallOptions.DEFAULT), "call " + i));
                }
                while (running.get() < 2) {
                    Thread.sleep(10);
                }

                // both pool threads are held; the probe runs on its own thread
                HealthCheckResponse probe =
                        HealthGrpc.newBlockingStub(channel)
                                .withDeadlineAfter(2, TimeUnit.SECONDS)
                                .check(HealthCheckRequest.getDefaultInstance());
                assertThat(probe.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

                release.countDown();
                for (ListenableFuture<String> call : calls) {
                    assertThat(call.get(10, TimeUnit.SECONDS)).startsWith("call ");
                }
                assertThat(mostAtOnce.get()).isEqualTo(2);
            } finally {
                channel.shutdownNow();
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void onlyHealthAndReflectionAreProbes() {
        assertThat(CallThreads.isProbe("grpc.health.v1.Health")).isTrue();
        assertThat(CallThreads.isProbe("grpc.reflection.v1.ServerReflection")).isTrue();
        assertThat(CallThreads.isProbe("newsroom.search.v1.SearchService")).isFalse();
        assertThat(CallThreads.isProbe(null)).isFalse();
    }

    private static final class Text implements MethodDescriptor.Marshaller<String> {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
