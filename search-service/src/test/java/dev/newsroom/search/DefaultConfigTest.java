package dev.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

/**
 * The defaults `./newsroom up` relies on. A Micronaut placeholder default that contains a
 * colon must be quoted: unquoted, {@code ${X:127.0.0.1:9091}} falls back to a property named
 * "localhost" and then to "9091", and the feed follower dialled a host called 9091.
 */
class DefaultConfigTest {

    @Test
    void theDefaultArticleServiceAddressIsLoopback9091() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment env = context.getEnvironment();
            env.start();
            String expected =
                    System.getenv()
                            .getOrDefault("NEWSROOM_ARTICLE_SERVICE_ADDRESS", "127.0.0.1:9091");
            assertThat(env.getProperty("newsroom.article-service.address", String.class))
                    .contains(expected);
        }
    }
}
