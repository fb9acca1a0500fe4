package dev.newsroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternalKeyTest {

    @Test
    void theLocalDevKeyOnlyUnderTheLocalProfile() {
        assertThat(InternalKey.resolve("", "local"))
                .isEqualTo(InternalKey.LOCAL_DEV_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(InternalKey.resolve(null, "local"))
                .isEqualTo(InternalKey.LOCAL_DEV_KEY.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InternalKey.resolve("", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEWSROOM_INTERNAL_KEY");
        assertThatThrownBy(() -> InternalKey.resolve(InternalKey.LOCAL_DEV_KEY, "production"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyAnywhereIfLongEnough() {
        String key = "a-real-secret-of-at-least-thirty-two-bytes";
        assertThat(InternalKey.resolve(key, null)).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InternalKey.resolve("short", "local"))
                .isInstanceOf(IllegalStateException.class);
    }
}
