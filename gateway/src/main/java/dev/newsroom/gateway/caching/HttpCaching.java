package dev.newsroom.gateway.caching;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * HTTP caching of transcoded answers: a strong ETag {@code "<id>-<version>"} for versioned
 * resources with 304 on a matching If-None-Match, and Cache-Control that lets shared caches
 * keep only what anonymous readers get from public RPCs.
 */
@Component
public class HttpCaching {

  private final CacheProperties properties;

  public HttpCaching(CacheProperties properties) {
    this.properties = properties;
  }

  /**
   * Sets the caching headers of a successful answer.
   *
   * @param shareable a GET by an anonymous caller of an RPC that needs no role
   * @return true when the client's copy is current: answer 304 without a body
   */
  public boolean apply(boolean isGet, boolean shareable, Message response, HttpHeaders request, HttpHeaders headers) {
    String etag = isGet ? etagOf(response) : null;
    headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    headers.setCacheControl(cacheControl(isGet, shareable, etag != null));
    if (etag == null) {
      return false;
    }
    headers.setETag(etag);
    return matches(request.get(HttpHeaders.IF_NONE_MATCH), etag);
  }

  /** Public for the max-age of its kind when shareable, else private and not stored. */
  public String cacheControl(boolean isGet, boolean shareable, boolean versioned) {
    if (isGet && shareable) {
      long maxAge = (versioned ? properties.itemMaxAge() : properties.listMaxAge()).toSeconds();
      return "public, max-age=" + maxAge;
    }
    return "private, no-store";
  }

  /** {@code "<id>-<version>"} when the message has both fields and an id, else null. */
  public static String etagOf(Message response) {
    FieldDescriptor id = response.getDescriptorForType().findFieldByName("id");
    FieldDescriptor version = response.getDescriptorForType().findFieldByName("version");
    if (id == null || version == null || id.isRepeated() || version.isRepeated()
        || id.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        || version.getJavaType() == FieldDescriptor.JavaType.MESSAGE || !response.hasField(id)) {
      return null;
    }
    String opaque = response.getField(id) + "-" + response.getField(version);
    return opaque.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"') ? "\"" + opaque + "\"" : null;
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
