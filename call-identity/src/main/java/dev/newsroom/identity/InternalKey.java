package dev.newsroom.identity;

import java.nio.charset.StandardCharsets;

/**
 * The HMAC key of the call tokens, one shared internal key for every process of one deployment
 * (docs/security.md, "Identity between services"). Configured through NEWSROOM_INTERNAL_KEY
 * (Helm: from a Secret). Unset, the committed local-dev key is used, and only under
 * NEWSROOM_PROFILE=local (the launcher and the tests set it); anywhere else the process
 * refuses to start rather than trust a key everyone can read.
 */
public final class InternalKey {
    /** The environment variable (and the property it feeds, {@code newsroom.identity.key}). */
    public static final String ENV = "NEWSROOM_INTERNAL_KEY";

    /** The environment variable that marks a developer machine or a test run. */
    public static final String PROFILE_ENV = "NEWSROOM_PROFILE";

    /** LOCAL-DEV-ONLY. Public, so never a production key: refused outside NEWSROOM_PROFILE=local. */
    public static final String LOCAL_DEV_KEY = "local-dev-only-newsroom-internal-key-do-not-deploy";

    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_LENGTH = 32;

    private InternalKey() {}

    /** The key from the configured value (blank: the local-dev default) under this process's NEWSROOM_PROFILE. */
    public static byte[] resolve(String configured) {
        return resolve(configured, System.getenv(PROFILE_ENV));
    }

    /**
     * @param configured the configured key, blank for none
     * @param profile    NEWSROOM_PROFILE; only {@code local} accepts the local-dev key
     * @throws IllegalStateException when the key is missing, too short or the dev key outside local
     */
    public static byte[] resolve(String configured, String profile) {
        boolean local = "local".equals(profile == null ? null : profile.strip());
        String key =
                configured == null || configured.isBlank() ? LOCAL_DEV_KEY : configured.strip();
        if (key.equals(LOCAL_DEV_KEY) && !local) {
            throw new IllegalStateException(
                    ENV
                            + " is not set (or is the committed local-dev key): set it to a secret of at least "
                            + MIN_LENGTH
                            + " characters, the same for every Newsroom process (Helm: internalKey.existingSecret), "
                            + "or set "
                            + PROFILE_ENV
                            + "=local on a developer machine");
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_LENGTH) {
            throw new IllegalStateException(
                    ENV + " must be at least " + MIN_LENGTH + " bytes (HS256)");
        }
        return bytes;
    }
}
