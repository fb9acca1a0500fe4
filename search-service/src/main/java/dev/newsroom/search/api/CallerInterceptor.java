package dev.newsroom.search.api;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the identity the gateway forwards (x-newsroom-subject, x-newsroom-roles) into the call's Context. */
@Singleton
public class CallerInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLES = Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String subject = headers.get(SUBJECT);
        String roles = headers.get(ROLES);
        Set<String> roleSet = roles == null ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        Caller caller = new Caller(subject == null ? "" : subject.strip(), roleSet);
        return Contexts.interceptCall(Context.current().withValue(Caller.KEY, caller), call, headers, next);
    }
}
