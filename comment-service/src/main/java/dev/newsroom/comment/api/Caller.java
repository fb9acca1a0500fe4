package dev.newsroom.comment.api;

import io.grpc.Context;
import io.grpc.Status;
import java.util.Set;

/**
 * Who calls: the identity the gateway verified (x-newsroom-subject, x-newsroom-roles) and the
 * client fingerprint it computed (x-newsroom-client), the key of rate limits and the repeat
 * check. Services check roles again (architecture decision 6): "admin" holds every role.
 */
public record Caller(String subject, Set<String> roles, String client) {
    static final Context.Key<Caller> KEY = Context.key("newsroom-caller");
    public static final String MODERATOR = "moderator";

    public static Caller current() {
        Caller c = KEY.get();
        return c == null ? new Caller("", Set.of(), "unknown") : c;
    }

    public boolean has(String role) {
        return roles.contains(role) || roles.contains("admin");
    }

    /** Throws UNAUTHENTICATED without an identity, PERMISSION_DENIED without the role. */
    public Caller require(String role) {
        if (subject.isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("sign in first: this call needs the " + role + " role").asRuntimeException();
        }
        if (!has(role)) {
            throw Status.PERMISSION_DENIED.withDescription("this call needs the " + role + " role").asRuntimeException();
        }
        return this;
    }
}
