package dev.newsroom.search.api;

import io.grpc.Context;
import io.grpc.Status;
import java.util.Set;

/**
 * The identity the gateway verified and forwarded as metadata. Roles are checked again
 * here (architecture decision 6): "admin" holds every role.
 */
record Caller(String subject, Set<String> roles) {
    static final Context.Key<Caller> KEY = Context.key("newsroom-caller");
    static final Caller ANONYMOUS = new Caller("", Set.of());
    static final String ADMIN = "admin";

    static Caller current() {
        Caller c = KEY.get();
        return c == null ? ANONYMOUS : c;
    }

    /** Throws UNAUTHENTICATED without an identity, PERMISSION_DENIED without the role. */
    Caller require(String role) {
        if (subject.isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("sign in first: this call needs the " + role + " role").asRuntimeException();
        }
        if (!roles.contains(role) && !roles.contains(ADMIN)) {
            throw Status.PERMISSION_DENIED.withDescription("this call needs the " + role + " role").asRuntimeException();
        }
        return this;
    }
}
