package dev.newsroom.gateway.transcoding;

import dev.newsroom.gateway.caching.HttpCaching;
import dev.newsroom.gateway.edge.BackendGuard;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.readpath.ReadPath;
import dev.newsroom.identity.CallTokens;
import dev.newsroom.identity.InternalKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TranscodingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TranscodingConfiguration.class);

    @Bean
    BindingCatalog bindingCatalog(TranscodingProperties properties) {
        BindingCatalog catalog = BindingCatalog.fromOuterClasses(properties.descriptors());
        catalog.describe().forEach((rpc, routes) -> log.info("REST mapping {} <- {}", rpc, routes));
        return catalog;
    }

    @Bean
    GrpcChannels grpcChannels(TranscodingProperties properties) {
        return new GrpcChannels(properties);
    }

    @Bean
    BackendClient backendClient(
            GrpcChannels channels, MeterRegistry meters, TranscodingProperties properties) {
        return new BackendClient(channels, meters, properties.deadline());
    }

    @Bean
    ResponseWriter responseWriter(HttpCaching caching) {
        return new ResponseWriter(caching);
    }

    /**
     * Signs the call tokens with the internal key ({@code newsroom.identity.key}); blank is the
     * local-dev key, and start-up fails with it outside NEWSROOM_PROFILE=local.
     */
    @Bean
    CallSigner callSigner(@Value("${newsroom.identity.key:}") String key) {
        return new CallSigner(new CallTokens(InternalKey.resolve(key)));
    }

    @Bean
    GrpcTranscodingFilter grpcTranscodingFilter(
            BindingCatalog catalog,
            BackendClient backend,
            ResponseWriter responses,
            TranscodingProperties properties,
            ClientFingerprint fingerprint,
            ReadPath readPath,
            BackendGuard guard,
            CallSigner signer) {
        return new GrpcTranscodingFilter(
                catalog,
                new RequestBodyReader(
                        properties.maxRequestBody().toBytes(), properties.bodyTimeout()),
                backend,
                new CallMetadata(fingerprint, signer),
                readPath,
                responses,
                guard);
    }
}
