package dev.newsroom.gateway.transcoding;

import dev.newsroom.gateway.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request's JSON body: at most {@code maxRequestBody} bytes (by Content-Length and as
 * streamed), else 413; all of it within {@code bodyTimeout}, else 408; anything but JSON is 415.
 */
public class RequestBodyReader {

    /** Exchange attribute: a too-large body was read to its end before the 413 (the connection stays usable). */
    public static final String BODY_DRAINED = RequestBodyReader.class.getName() + ".bodyDrained";

    /** Too-large bodies up to this size are read and dropped before the 413; larger ones close the connection. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final long maxRequestBody;
    private final Duration bodyTimeout;

    public RequestBodyReader(long maxRequestBody, Duration bodyTimeout) {
        this.maxRequestBody = maxRequestBody;
        this.bodyTimeout = bodyTimeout;
    }

    /** The body the binding takes (none: empty), read to its end. */
    public Mono<byte[]> read(ServerWebExchange exchange, HttpBinding binding) {
        ServerHttpRequest request = exchange.getRequest();
        if (!binding.hasBody()) {
            return Mono.just(new byte[0]);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > DRAIN_LIMIT) {
            // too much to read through: answered at once, and the connection closes
            return Mono.error(ApiException.payloadTooLarge(maxRequestBody));
        }
        return readToEnd(exchange, declared <= maxRequestBody)
                // the whole body, not each chunk: a byte every second must not keep it open
                .timeout(bodyTimeout, Mono.error(() -> ApiException.requestTimeout(bodyTimeout)))
                .doOnNext(bytes -> requireJson(request, bytes));
    }

    /**
     * The body read to its end, declared or chunked: past the limit the rest is read and dropped,
     * up to {@link #DRAIN_LIMIT}, and the 413 comes after it, marked {@link #BODY_DRAINED}: a
     * client still sending when the answer came would lose it to a closed connection (seen with
     * chunked bodies under load); this way it gets its 413 on a connection that stays usable.
     * Beyond the drain limit the answer comes at once and the connection closes.
     *
     * @param keep false when the declared length is already too large: nothing is kept
     */
    private Mono<byte[]> readToEnd(ServerWebExchange exchange, boolean keep) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long[] seen = {0};
        return exchange.getRequest()
                .getBody()
                .<byte[]>handle(
                        (buffer, sink) -> {
                            try {
                                int n = buffer.readableByteCount();
                                seen[0] += n;
                                if (keep && seen[0] <= maxRequestBody) {
                                    byte[] bytes = new byte[n];
                                    buffer.read(bytes);
                                    kept.write(bytes, 0, n);
                                } else if (seen[0] > DRAIN_LIMIT) {
                                    sink.error(ApiException.payloadTooLarge(maxRequestBody));
                                }
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                .then(
                        Mono.fromCallable(
                                () -> {
                                    if (!keep || seen[0] > maxRequestBody) {
                                        exchange.getAttributes().put(BODY_DRAINED, Boolean.TRUE);
                                        throw ApiException.payloadTooLarge(maxRequestBody);
                                    }
                                    return kept.toByteArray();
                                }));
    }

    private static void requireJson(ServerHttpRequest request, byte[] body) {
        if (body.length == 0) {
            return;
        }
        String header = request.getHeaders().getFirst("Content-Type");
        try {
            MediaType type = header == null ? null : MediaType.parseMediaType(header);
            if (type != null
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                            || (type.getType().equals("application")
                                    && type.getSubtype().endsWith("+json")))) {
                return;
            }
        } catch (InvalidMediaTypeException e) {
            // answered below like any other unsupported type
        }
        throw ApiException.unsupportedMediaType(header == null ? "nothing" : header);
    }
}
