package dev.newsroom.gateway.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.proto.common.v1.CacheClass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpCachingTest {

    @Test
    void strongEtagFromIdAndVersionUnlessItCannotBeQuoted() {
        assertThat(HttpCaching.strongEtag(42L, 3L)).isEqualTo("\"42-3\"");
        assertThat(HttpCaching.strongEtag("a b", 3L)).isNull();
        assertThat(HttpCaching.strongEtag("a\"b", 3L)).isNull();
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(HttpCaching.matches(List.of("\"42-3\""), "\"42-3\"")).isTrue();
        assertThat(HttpCaching.matches(List.of("W/\"42-3\""), "\"42-3\"")).isTrue();
        assertThat(HttpCaching.matches(List.of("\"1-1\", \"42-3\""), "\"42-3\"")).isTrue();
        assertThat(HttpCaching.matches(List.of("*"), "\"42-3\"")).isTrue();
        assertThat(HttpCaching.matches(List.of("\"42-2\""), "\"42-3\"")).isFalse();
        assertThat(HttpCaching.matches(null, "\"42-3\"")).isFalse();
    }

    @Test
    void cacheControlByTheDeclaredClassOnlyWhenShareable() {
        HttpCaching caching =
                new HttpCaching(
                        new HttpCachingProperties(Duration.ofSeconds(30), Duration.ofSeconds(10)));
        assertThat(caching.cacheControl(true, CacheClass.CACHE_CLASS_ITEM))
                .isEqualTo("public, max-age=30");
        assertThat(caching.cacheControl(true, CacheClass.CACHE_CLASS_LIST))
                .isEqualTo("public, max-age=10");
        assertThat(caching.cacheControl(false, CacheClass.CACHE_CLASS_ITEM))
                .isEqualTo("private, no-store");
        assertThat(caching.cacheControl(false, null)).isEqualTo("private, no-store");
    }
}
