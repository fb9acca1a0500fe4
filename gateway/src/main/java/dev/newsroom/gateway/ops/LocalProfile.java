package dev.newsroom.gateway.ops;

/**
 * {@code NEWSROOM_PROFILE=local}: a laptop or a test run (the launcher and the tests set it).
 * Only under it does the gateway accept the committed development secrets and trust loopback
 * as a proxy; anything else is treated as production.
 */
public final class LocalProfile {

    public static final String NAME = "local";

    private LocalProfile() {}

    public static boolean is(String profile) {
        return profile != null && NAME.equalsIgnoreCase(profile.strip());
    }
}
