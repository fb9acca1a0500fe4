package dev.newsroom.gateway.edge;

import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.readpath.ReadPath;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.readpath.GuardedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge's defences: per-client rate limits, per-backend breakers and retries (docs/security.md). */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    @Bean
    EdgeRateLimiter edgeRateLimiter(
            RateLimitProperties properties, GuardedRedis redis, MeterRegistry meters) {
        return new EdgeRateLimiter(properties, redis, meters);
    }

    @Bean
    BackendGuard backendGuard(BackendGuardProperties properties) {
        return new BackendGuard(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            EdgeRateLimiter limiter,
            BindingCatalog catalog,
            ClientFingerprint fingerprint,
            ReadPath readPath,
            RateLimitProperties properties) {
        log.info(
                "client addresses: trusted proxies {}; rate limits {}",
                fingerprint.proxies(),
                properties.enabled()
                        ? "read "
                                + properties.read()
                                + ", search "
                                + properties.search()
                                + ", write "
                                + properties.write()
                                + ", comment-post "
                                + properties.commentPost()
                        : "off");
        return new RateLimitFilter(limiter, catalog, fingerprint, readPath);
    }
}
