package dev.newsroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.gateway.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway refuses to start on the committed development secrets unless the profile is
 * local (the tests' own environment sets NEWSROOM_PROFILE=local; the command line wins).
 */
class DevDefaultsTest {

    private static final String SALT =
            "--newsroom.gateway.client-hash-salt=a-salt-only-this-test-knows";
    private static final String SECRET = "--newsroom.gateway.jwt.secret=" + TestTokens.SECRET;

    @Test
    void withoutTheLocalProfileTheCommittedJwtSecretIsRefused() {
        assertThatThrownBy(() -> start("--newsroom.profile=production", SALT))
                .hasStackTraceContaining("refusing to start on the development JWT secret");
    }

    @Test
    void withoutTheLocalProfileTheCommittedSaltIsRefused() {
        assertThatThrownBy(() -> start("--newsroom.profile=", SECRET))
                .hasStackTraceContaining("refusing to start on the development client-hash salt");
    }

    @Test
    void ownSecretsStartInAnyProfileAndTheDevOnesUnderLocal() {
        try (ConfigurableApplicationContext context =
                start("--newsroom.profile=production", SECRET, SALT)) {
            assertThat(context.isRunning()).isTrue();
        }
        try (ConfigurableApplicationContext context = start("--newsroom.profile=local")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        // no logging settings of its own: the logging system is one per JVM, shared with the
        // cached contexts of the other tests (OperationsTest reads the access log)
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(GatewayApplication.class).run(all);
    }
}
