package dev.newsroom.gateway.caching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.cache.*}: how long shared caches may keep anonymous GET answers.
 *
 * @param itemMaxAge for one resource (a response with {@code id} and {@code version})
 * @param listMaxAge for everything else (lists, sections), which changes more often
 */
@ConfigurationProperties("newsroom.gateway.cache")
public record CacheProperties(Duration itemMaxAge, Duration listMaxAge) {

  public CacheProperties {
    itemMaxAge = itemMaxAge == null ? Duration.ofSeconds(30) : itemMaxAge;
    listMaxAge = listMaxAge == null ? Duration.ofSeconds(10) : listMaxAge;
  }
}
