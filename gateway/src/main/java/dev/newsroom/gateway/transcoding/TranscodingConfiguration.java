package dev.newsroom.gateway.transcoding;

import dev.newsroom.gateway.caching.HttpCaching;
import dev.newsroom.gateway.edge.BackendGuard;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.readpath.ReadPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  BackendClient backendClient(GrpcChannels channels, MeterRegistry meters, TranscodingProperties properties) {
    return new BackendClient(channels, meters, properties.deadline());
  }

  @Bean
  ResponseWriter responseWriter(HttpCaching caching) {
    return new ResponseWriter(caching);
  }

  @Bean
  GrpcTranscodingFilter grpcTranscodingFilter(BindingCatalog catalog, BackendClient backend,
      ResponseWriter responses, TranscodingProperties properties, ClientFingerprint fingerprint, ReadPath readPath,
      BackendGuard guard) {
    return new GrpcTranscodingFilter(catalog, new RequestBodyReader(properties.maxRequestBody().toBytes()), backend,
        new CallMetadata(fingerprint), readPath, responses, guard);
  }
}
