package dev.newsroom.gateway.transcoding;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.newsroom.gateway.caching.HttpCaching;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RPC's answer as proto3 JSON ({@link ProtoJson}: lowerCamelCase, default values omitted): 201 for a
 * create (POST without {@code :verb}) with the Location its RPC declares, 304 when the client's copy is
 * current, else 200 — with the caching headers of {@link HttpCaching} from the RPC's declared
 * {@link RpcSemantics}. {@link #render} and {@link #send} are separate so the near cache can keep and
 * resend rendered answers.
 */
public class ResponseWriter {

    private final HttpCaching caching;

    public ResponseWriter(HttpCaching caching) {
        this.caching = caching;
    }

    /**
     * The answer as it will be sent, before any per-request 304 decision.
     *
     * @param shareable an anonymous GET of a public read (decided once per request by the read path)
     */
    public Rendered render(HttpBinding binding, boolean shareable, DynamicMessage message) {
        RpcSemantics semantics = binding.semantics();
        boolean created = binding.httpMethod().equals("POST") && !binding.customMethod();
        String etag = binding.isGet() ? semantics.etagOf(message) : null;
        URI location = created ? semantics.locationOf(message) : null;
        byte[] json;
        try {
            json = ProtoJson.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(
                    "cannot print " + binding.grpcMethod().getFullMethodName(), e);
        }
        return new Rendered(
                created ? HttpStatus.CREATED : HttpStatus.OK,
                json,
                etag,
                caching.cacheControl(shareable, semantics.cacheClass()),
                location);
    }

    /** Sends {@code answer}, or 304 when the request's If-None-Match names its ETag. */
    public Mono<Void> send(ServerWebExchange exchange, Rendered answer) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        headers.set(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        if (answer.etag() != null) {
            headers.setETag(answer.etag());
            if (HttpCaching.matches(
                    exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH),
                    answer.etag())) {
                response.setStatusCode(HttpStatus.NOT_MODIFIED);
                return response.setComplete();
            }
        }
        response.setStatusCode(answer.status());
        if (answer.location() != null) {
            headers.setLocation(answer.location());
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }
}
