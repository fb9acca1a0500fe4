package dev.newsroom.gateway.transcoding;

import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Calls one unary RPC generically (DynamicMessage in and out) with a deadline, the forwarded
 * metadata, and a {@code gateway.backend.requests} timer tagged service / method / code.
 */
public class BackendClient {

    public static final String TIMER = "gateway.backend.requests";

    private final GrpcChannels channels;
    private final MeterRegistry meters;
    private final Duration deadline;

    public BackendClient(GrpcChannels channels, MeterRegistry meters, Duration deadline) {
        this.channels = channels;
        this.meters = meters;
        this.deadline = deadline;
    }

    /**
     * @param service the route id, e.g. {@code article-service} (the metrics' {@code service} tag)
     * @param authority {@code host:port} of the backend
     * @param loop the event loop of the client's connection (its channel is used), or null
     */
    public Mono<DynamicMessage> call(
            String service,
            String authority,
            EventLoop loop,
            HttpBinding binding,
            DynamicMessage request,
            Metadata headers) {
        return Mono.create(
                sink -> {
                    Timer.Sample sample = Timer.start(meters);
                    Channel channel =
                            ClientInterceptors.intercept(
                                    channels.channel(authority, loop),
                                    MetadataUtils.newAttachHeadersInterceptor(headers));
                    ClientCall<DynamicMessage, DynamicMessage> call =
                            channel.newCall(
                                    binding.grpcMethod(),
                                    CallOptions.DEFAULT.withDeadlineAfter(
                                            deadline.toMillis(), TimeUnit.MILLISECONDS));
                    sink.onCancel(() -> call.cancel("the HTTP client went away", null));
                    ClientCalls.asyncUnaryCall(
                            call,
                            request,
                            new StreamObserver<>() {
                                private DynamicMessage response;

                                @Override
                                public void onNext(DynamicMessage value) {
                                    response = value;
                                }

                                @Override
                                public void onError(Throwable failure) {
                                    record(
                                            sample,
                                            service,
                                            binding,
                                            Status.fromThrowable(failure).getCode());
                                    sink.error(failure);
                                }

                                @Override
                                public void onCompleted() {
                                    record(sample, service, binding, Status.Code.OK);
                                    sink.success(response);
                                }
                            });
                });
    }

    private void record(
            Timer.Sample sample, String service, HttpBinding binding, Status.Code code) {
        sample.stop(
                Timer.builder(TIMER)
                        .description("gRPC calls from the gateway to the services")
                        .tag("service", service)
                        .tag("method", binding.grpcMethod().getFullMethodName())
                        .tag("code", code.name())
                        .register(meters));
    }
}
