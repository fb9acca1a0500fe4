package dev.newsroom.testing;

import dev.newsroom.identity.CallTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Call tokens as the gateway and the services sign them (docs/security.md, "Identity between
 * services"), with the tests' internal key: the services the tests start (in process, or as jars
 * through {@link ServiceProcess}) are configured with {@link #KEY}, so a test calls a service's
 * gRPC port straight as an editor, a moderator, a reader or a service.
 */
public final class TestIdentity {
    /** The tests' internal key (the gateway's tests set the same in src/test/resources/config/application.yml). */
    public static final String KEY = "test-only-newsroom-internal-key-0123456789";

    /** The property that carries it in a Micronaut service ({@code NEWSROOM_INTERNAL_KEY}). */
    public static final String PROPERTY = "newsroom.identity.key";

    private static final CallTokens TOKENS = new CallTokens(KEY.getBytes(StandardCharsets.UTF_8));
    private static final Metadata.Key<String> HEADER =
            Metadata.Key.of(CallTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private TestIdentity() {}

    public static CallTokens tokens() {
        return TOKENS;
    }

    /**
     * Signs every call as the gateway does for a verified user.
     *
     * @param audience the service called ("article-service", "comment-service", "search-service")
     * @param roles    comma-separated, e.g. "editor" or "editor,moderator"; empty for a reader
     */
    public static ClientInterceptor as(
            String audience, String subject, String roles, String client) {
        List<String> list =
                Arrays.stream(roles.split(","))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .toList();
        return signing(
                () ->
                        TOKENS.sign(
                                "gateway",
                                audience,
                                subject,
                                list,
                                client,
                                Duration.ofSeconds(30)));
    }

    /** Signs every call as the gateway does for an anonymous reader with this client fingerprint. */
    public static ClientInterceptor reader(String audience, String client) {
        return as(audience, "", "", client);
    }

    /** Signs every call with a service's own identity (role "service"), as service-support's channel does. */
    public static ClientInterceptor service(String name, String audience) {
        return signing(
                () ->
                        TOKENS.sign(
                                name,
                                audience,
                                name,
                                List.of(CallTokens.SERVICE_ROLE),
                                "service:" + name,
                                Duration.ofSeconds(60)));
    }

    /** Attaches a given token (e.g. an expired or foreign one) to every call. */
    public static ClientInterceptor withToken(String token) {
        return signing(() -> token);
    }

    private static ClientInterceptor signing(java.util.function.Supplier<String> token) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(
                    MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(
                        next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(HEADER, token.get());
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}
