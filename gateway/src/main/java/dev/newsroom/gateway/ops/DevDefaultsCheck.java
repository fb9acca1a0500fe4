package dev.newsroom.gateway.ops;

import dev.newsroom.gateway.auth.JwtProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fails closed on the development secrets committed in application.yml: anyone can read
 * them, so with the JWT secret anyone could mint an admin token, and with the salt anyone
 * could link the client hashes back to addresses. Outside the local profile
 * ({@code NEWSROOM_PROFILE=local}, set by the launcher and the tests) the gateway refuses
 * to start on either.
 */
@Component
public class DevDefaultsCheck {

    /** The client-hash salt that application.yml falls back to. */
    public static final String LOCAL_DEV_SALT = "local-dev-only-client-hash-salt";

    private static final Logger log = LoggerFactory.getLogger(DevDefaultsCheck.class);

    public DevDefaultsCheck(
            @Value("${newsroom.profile:}") String profile,
            JwtProperties jwt,
            @Value("${newsroom.gateway.client-hash-salt}") String salt) {
        List<String> committed = new ArrayList<>();
        if (jwt.jwksUri() == null && JwtProperties.LOCAL_DEV_SECRET.equals(jwt.secret())) {
            committed.add(
                    "the development JWT secret (set NEWSROOM_JWT_SECRET, or NEWSROOM_JWT_JWKS_URI)");
        }
        if (LOCAL_DEV_SALT.equals(salt)) {
            committed.add("the development client-hash salt (set NEWSROOM_CLIENT_HASH_SALT)");
        }
        if (committed.isEmpty()) {
            return;
        }
        if (!LocalProfile.is(profile)) {
            throw new IllegalStateException(
                    "refusing to start on "
                            + String.join(" and ", committed)
                            + ": they are public; only NEWSROOM_PROFILE="
                            + LocalProfile.NAME
                            + " accepts them");
        }
        log.warn("local profile: running on {}", String.join(" and ", committed));
    }
}
