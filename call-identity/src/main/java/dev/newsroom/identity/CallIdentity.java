package dev.newsroom.identity;

import java.util.Set;

/**
 * What a verified call token says about the caller.
 *
 * @param issuer  who signed it: "gateway" for a reader's or editor's call, a service's own name for its own calls
 * @param subject the verified user (or the service's name); empty for an anonymous reader
 * @param roles   the verified roles ({@link CallTokens#SERVICE_ROLE} for a service's own calls)
 * @param client  the gateway's client fingerprint (rate limits, repeat checks), or "service:<name>"
 */
public record CallIdentity(String issuer, String subject, Set<String> roles, String client) {
    public CallIdentity {
        roles = Set.copyOf(roles);
    }
}
