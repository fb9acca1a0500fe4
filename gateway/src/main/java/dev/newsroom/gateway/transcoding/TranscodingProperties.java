package dev.newsroom.gateway.transcoding;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code newsroom.gateway.transcoding.*}: which contracts are served, and the limits of a call.
 *
 * @param descriptors generated proto outer classes whose {@code google.api.http} options become endpoints
 * @param deadline deadline of every backend call
 * @param maxRequestBody largest accepted request body
 * @param bodyTimeout longest a request body may take to arrive (a slow sender gets 408)
 * @param keepAlive gRPC keepalive ping interval on idle backend connections
 * @param loadBalancingPolicy gRPC load balancing over a backend's addresses (pick_first, round_robin)
 */
@ConfigurationProperties("newsroom.gateway.transcoding")
public record TranscodingProperties(
        List<String> descriptors,
        Duration deadline,
        DataSize maxRequestBody,
        Duration bodyTimeout,
        Duration keepAlive,
        String loadBalancingPolicy) {

    public TranscodingProperties {
        descriptors = descriptors == null ? List.of() : List.copyOf(descriptors);
        deadline = deadline == null ? Duration.ofSeconds(5) : deadline;
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        loadBalancingPolicy =
                loadBalancingPolicy == null || loadBalancingPolicy.isBlank()
                        ? "pick_first"
                        : loadBalancingPolicy;
    }
}
