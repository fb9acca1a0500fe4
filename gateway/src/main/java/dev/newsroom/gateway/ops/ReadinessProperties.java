package dev.newsroom.gateway.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.readiness.*}.
 *
 * @param checkTimeout deadline of one gRPC health check
 * @param cacheFor how long one round of checks answers /readyz (probes come often)
 */
@ConfigurationProperties("newsroom.gateway.readiness")
public record ReadinessProperties(Duration checkTimeout, Duration cacheFor) {

    public ReadinessProperties {
        checkTimeout = checkTimeout == null ? Duration.ofSeconds(1) : checkTimeout;
        cacheFor = cacheFor == null ? Duration.ofSeconds(1) : cacheFor;
    }
}
