package dev.newsroom.gateway.auth;

import java.util.Collection;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/** Who is calling: the verified token's subject and roles, or an anonymous reader. */
public record Caller(String subject, List<String> roles) {

    public static final String ATTRIBUTE = Caller.class.getName();
    public static final Caller ANONYMOUS = new Caller(null, List.of());

    /** Holds every role. */
    public static final String ADMIN = "admin";

    public Caller {
        roles = List.copyOf(roles);
    }

    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        return caller != null ? caller : ANONYMOUS;
    }

    public boolean authenticated() {
        return subject != null;
    }

    /** True when no role is required, or the caller has one of them (admin has all). */
    public boolean hasAnyRole(Collection<String> required) {
        return required.isEmpty()
                || roles.contains(ADMIN)
                || required.stream().anyMatch(roles::contains);
    }
}
