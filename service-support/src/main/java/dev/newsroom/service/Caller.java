package dev.newsroom.service;

import dev.newsroom.identity.CallTokens;
import io.grpc.Context;
import io.grpc.Status;
import java.util.Set;

/**
 * Who calls, from the signed call token ({@link CallerInterceptor}): the identity the gateway
 * verified and the client fingerprint it computed (a salted hash of address and user agent,
 * the key of rate limits and repeat checks), or a service's own identity (role
 * {@value #SERVICE}). Services check roles again (docs/architecture.md, decision 6); "admin"
 * holds every role of a person, not {@value #SERVICE}.
 *
 * @param subject empty for an anonymous caller (also any caller without a valid token)
 * @param client  the gateway's fingerprint, "service:<name>", or "direct:<address>" without a valid token
 */
public record Caller(String subject, Set<String> roles, String client) {
    public static final String EDITOR = "editor";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    /** A Newsroom service's own calls (ArticleFeed.Watch); only a service's own token carries it. */
    public static final String SERVICE = CallTokens.SERVICE_ROLE;

    public static final Caller ANONYMOUS = new Caller("", Set.of(), "unknown");

    static final Context.Key<Caller> KEY = Context.key("newsroom-caller");

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the gRPC call this thread runs (set by {@link CallerInterceptor}). */
    public static Caller current() {
        Caller c = KEY.get();
        return c == null ? ANONYMOUS : c;
    }

    public boolean authenticated() {
        return !subject.isEmpty();
    }

    public boolean has(String role) {
        return roles.contains(role) || (roles.contains(ADMIN) && !role.equals(SERVICE));
    }

    /** Throws UNAUTHENTICATED without an identity, PERMISSION_DENIED without the role. */
    public Caller require(String role) {
        if (!authenticated()) {
            throw Status.UNAUTHENTICATED
                    .withDescription("sign in first: this call needs the " + role + " role")
                    .asRuntimeException();
        }
        if (!has(role)) {
            throw Status.PERMISSION_DENIED
                    .withDescription("this call needs the " + role + " role")
                    .asRuntimeException();
        }
        return this;
    }
}
