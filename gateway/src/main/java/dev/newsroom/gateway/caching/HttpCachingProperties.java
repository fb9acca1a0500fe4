package dev.newsroom.gateway.caching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.cache.*}: how long shared caches may keep anonymous GET answers
 * of public reads (the RPC's {@code public_read.cache_class} in the contract picks which).
 *
 * @param itemMaxAge for one resource ({@code CACHE_CLASS_ITEM}, e.g. a story)
 * @param listMaxAge for lists and the like ({@code CACHE_CLASS_LIST}), which change more often
 */
@ConfigurationProperties("newsroom.gateway.cache")
public record HttpCachingProperties(Duration itemMaxAge, Duration listMaxAge) {

    public HttpCachingProperties {
        itemMaxAge = itemMaxAge == null ? Duration.ofSeconds(5) : itemMaxAge;
        listMaxAge = listMaxAge == null ? Duration.ofSeconds(3) : listMaxAge;
    }
}
