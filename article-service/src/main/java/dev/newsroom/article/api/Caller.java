package dev.newsroom.article.api;

import dev.newsroom.article.desk.Editor;
import io.grpc.Context;
import io.grpc.Status;
import java.util.Set;

/**
 * The identity the gateway verified and forwarded as metadata. Services check roles again
 * (architecture decision 6): "admin" holds every role.
 */
public record Caller(String subject, Set<String> roles) {
    static final Context.Key<Caller> KEY = Context.key("newsroom-caller");
    static final Caller ANONYMOUS = new Caller("", Set.of());
    public static final String EDITOR = "editor";

    public static Caller current() {
        Caller c = KEY.get();
        return c == null ? ANONYMOUS : c;
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

    public Editor asEditor() {
        return has(EDITOR) && !subject.isEmpty() ? new Editor(subject, true) : Editor.READER;
    }
}
