package dev.newsroom.gateway.caching;

import dev.newsroom.proto.common.v1.CacheClass;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * HTTP caching of transcoded answers: a strong ETag {@code "<id>-<version>"} (from the fields
 * the contract names) with 304 on a matching If-None-Match, and Cache-Control that lets shared
 * caches keep only what anonymous readers get from public reads.
 */
@Component
public class HttpCaching {

    private final HttpCachingProperties properties;

    public HttpCaching(HttpCachingProperties properties) {
        this.properties = properties;
    }

    /**
     * Public for the max-age of its class when shareable, else private and not stored.
     *
     * @param shareable an anonymous GET of a public read (then {@code cacheClass} is set)
     */
    public String cacheControl(boolean shareable, CacheClass cacheClass) {
        if (shareable) {
            long maxAge =
                    (cacheClass == CacheClass.CACHE_CLASS_ITEM
                                    ? properties.itemMaxAge()
                                    : properties.listMaxAge())
                            .toSeconds();
            return "public, max-age=" + maxAge;
        }
        return "private, no-store";
    }

    /** {@code "<id>-<version>"}, or null when that is no valid opaque tag (a quote, space or control character). */
    public static String strongEtag(Object id, Object version) {
        String opaque = id + "-" + version;
        return opaque.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"')
                ? "\"" + opaque + "\""
                : null;
    }

    /** If-None-Match uses the weak comparison: W/ prefixes are ignored; {@code *} matches anything. */
    public static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
