package dev.newsroom.gateway.transcoding;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * One long-lived plaintext channel per backend {@code host:port} (from the routes' grpc://
 * URIs), shared by all requests; closed after the web server has drained on shutdown.
 */
public class GrpcChannels implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GrpcChannels.class);

  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final TranscodingProperties properties;

  public GrpcChannels(TranscodingProperties properties) {
    this.properties = properties;
  }

  /** The channel to {@code authority} ("host:port"), created on first use. */
  public ManagedChannel channel(String authority) {
    return channels.computeIfAbsent(authority, this::open);
  }

  private ManagedChannel open(String authority) {
    log.info("opening gRPC channel to {}", authority);
    return NettyChannelBuilder.forTarget(authority)
        .usePlaintext()
        .defaultLoadBalancingPolicy(properties.loadBalancingPolicy())
        .keepAliveTime(properties.keepAlive().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveWithoutCalls(false)
        .maxInboundMessageSize(16 * 1024 * 1024)
        .userAgent("newsroom-gateway")
        .directExecutor()
        .build();
  }

  @Override
  public void destroy() throws InterruptedException {
    channels.values().forEach(ManagedChannel::shutdown);
    for (ManagedChannel channel : channels.values()) {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    }
  }
}
