package dev.newsroom.gateway.readpath;

import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.transcoding.ResponseWriter;
import dev.newsroom.readpath.GuardedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis, the near cache, the view counter and its flusher thread, the invalidation listener, the read-path decisions. */
@Configuration(proxyBeanMethods = false)
public class ReadPathConfiguration {

    @Bean(destroyMethod = "close")
    GuardedRedis gatewayRedis(ReadPathProperties properties) {
        ReadPathProperties.Redis r = properties.redis();
        return new GuardedRedis(
                "gateway",
                new GuardedRedis.Settings(
                        URI.create(r.url()), r.timeout(), r.poolSize(), r.openFor()));
    }

    @Bean
    NearCache nearCache(ReadPathProperties properties, MeterRegistry meters) {
        return new NearCache(properties.nearCache(), meters);
    }

    @Bean
    ReadPath readPath(NearCache cache, ViewCounter views, ClientFingerprint fingerprint) {
        return new ReadPath(cache, views, fingerprint);
    }

    @Bean
    @ConditionalOnProperty(
            name = "newsroom.gateway.read-path.near-cache.fast-path",
            matchIfMissing = true)
    NearCacheFastPath nearCacheFastPath(ReadPath readPath, ResponseWriter responses) {
        return new NearCacheFastPath(readPath, responses);
    }

    @Bean
    ViewCounter viewCounter(
            ReadPathProperties properties, GuardedRedis redis, MeterRegistry meters) {
        return new ViewCounter(properties.views(), redis, Clock.systemUTC(), meters);
    }

    /** One thread sends the queued views; the last batch is sent on shutdown (before Redis closes). */
    @Bean(destroyMethod = "close")
    ViewFlusher viewFlusher(ViewCounter views, ReadPathProperties properties) {
        return new ViewFlusher(views, properties.views().flushInterval());
    }

    @Bean
    ChangeSubscriber changeSubscriber(
            GuardedRedis redis, NearCache cache, ReadPathProperties properties) {
        return new ChangeSubscriber(redis, cache, properties.redis().resubscribeAfter());
    }
}
