package dev.newsroom.gateway.openapi;

import dev.newsroom.gateway.caching.HttpCaching;
import dev.newsroom.proto.common.v1.CacheClass;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document {@link OpenApiGenerator} wrote at
 * build time, answered by the gateway itself (a controller is matched before any route), with
 * a strong ETag of its bytes and the Cache-Control of other public reads.
 */
@RestController
public class OpenApiController {

    /** Where the build writes the document inside the gateway's classes (gateway/pom.xml). */
    static final String RESOURCE = "openapi/openapi.json";

    public static final String PATH = "/api/v1/openapi.json";

    private final byte[] document;
    private final String etag;
    private final String cacheControl;

    public OpenApiController(HttpCaching caching) {
        this.document = read();
        this.etag = "\"" + HexFormat.of().formatHex(sha256(document), 0, 16) + "\"";
        this.cacheControl = caching.cacheControl(true, CacheClass.CACHE_CLASS_ITEM);
    }

    @GetMapping(path = PATH)
    public ResponseEntity<byte[]> document(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (ifNoneMatch != null && HttpCaching.matches(List.of(ifNoneMatch), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .contentType(MediaType.APPLICATION_JSON)
                .body(document);
    }

    private static byte[] read() {
        try (InputStream in =
                OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE
                                + " is missing: the gateway's build writes it (mvn process-classes)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
