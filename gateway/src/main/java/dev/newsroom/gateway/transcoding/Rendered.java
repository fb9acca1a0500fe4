package dev.newsroom.gateway.transcoding;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A transcoded answer ready to send: what {@link ResponseWriter} writes, and what the near
 * cache keeps so a hit costs no protobuf or JSON work.
 *
 * @param etag         strong ETag of a versioned resource, or null
 * @param cacheControl the Cache-Control value
 * @param location     Location of a created resource, or null
 */
public record Rendered(
        HttpStatus status, byte[] body, String etag, String cacheControl, URI location) {}
