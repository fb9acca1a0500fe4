package dev.newsroom.gateway.transcoding;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.netty.http.HttpResources;

/**
 * Long-lived plaintext channels per backend {@code host:port} (from the routes' grpc:// URIs),
 * shared by all requests and closed after the web server has drained on shutdown.
 *
 * <p>A request's call uses the channel bound to the event loop of its HTTP connection, so the
 * HTTP request, the gRPC call and the answer all run on one thread: no hand-over to gRPC's own
 * threads and back, which on a small machine cost more than the call (docs/read-path.md).
 * Calls made off the event loops (readiness checks) use a channel with gRPC's own threads.
 */
public class GrpcChannels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GrpcChannels.class);

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Map<EventLoop, ManagedChannel>> perLoop = new ConcurrentHashMap<>();
    private final TranscodingProperties properties;

    public GrpcChannels(TranscodingProperties properties) {
        this.properties = properties;
    }

    /** The channel to {@code authority} ("host:port") on gRPC's own threads, created on first use. */
    public ManagedChannel channel(String authority) {
        return channels.computeIfAbsent(
                authority,
                a -> {
                    log.info("opening gRPC channel to {}", a);
                    return builder(a).build();
                });
    }

    /** The channel to {@code authority} whose I/O runs on {@code loop}; the shared one when loop is null. */
    public ManagedChannel channel(String authority, EventLoop loop) {
        if (loop == null) {
            return channel(authority);
        }
        return perLoop.computeIfAbsent(authority, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        loop,
                        l -> {
                            log.info("opening gRPC channel to {} on {}", authority, l);
                            return builder(authority)
                                    .eventLoopGroup(l)
                                    .channelType(
                                            HttpResources.get()
                                                    .onChannelClass(SocketChannel.class, l))
                                    .build();
                        });
    }

    private NettyChannelBuilder builder(String authority) {
        return NettyChannelBuilder.forTarget(authority)
                .usePlaintext()
                .defaultLoadBalancingPolicy(properties.loadBalancingPolicy())
                .keepAliveTime(properties.keepAlive().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveWithoutCalls(false)
                .maxInboundMessageSize(16 * 1024 * 1024)
                .userAgent("newsroom-gateway")
                .directExecutor();
    }

    @Override
    public void destroy() throws InterruptedException {
        List<ManagedChannel> all = new ArrayList<>(channels.values());
        perLoop.values().forEach(m -> all.addAll(m.values()));
        all.forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : all) {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        }
    }
}
