package dev.newsroom.gateway.errors;

import dev.newsroom.gateway.ops.RequestContext;
import dev.newsroom.gateway.transcoding.RequestBodyReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Replaces Spring Boot's error handling, so every error, the framework's too, has the
 * JSON shape of docs/api-notes.md. The details of an unexpected failure go to the log only.
 */
@Component
@Order(-2)
public class JsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ApiError error = ErrorMapping.toApiError(failure);
        logFailure(exchange, failure, error);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        response.setStatusCode(HttpStatus.valueOf(error.code()));
        HttpHeaders headers = response.getHeaders();
        for (String name :
                List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.CONTENT_LENGTH)) {
            headers.remove(name);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        error.headers().forEach(headers::set);
        if (error.code() == 413
                && !Boolean.TRUE.equals(exchange.getAttribute(RequestBodyReader.BODY_DRAINED))) {
            // the rest of the oversized body is still on the wire: end this connection rather than
            // read it as the next request
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        DataBuffer body =
                response.bufferFactory().wrap(error.toJson().getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    private static void logFailure(ServerWebExchange exchange, Throwable failure, ApiError error) {
        String request =
                exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        RequestContext.withMdc(
                exchange,
                () -> {
                    if (ErrorMapping.isUnexpected(failure)) {
                        log.error("unexpected failure on {}", request, failure);
                    } else if (error.code() >= 500) {
                        log.warn(
                                "{} failed with {}: {}", request, error.code(), failure.toString());
                    } else {
                        log.debug("{} answered {}: {}", request, error.code(), error.message());
                    }
                });
    }
}
