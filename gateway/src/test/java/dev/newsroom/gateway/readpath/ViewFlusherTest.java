package dev.newsroom.gateway.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Views queued just before the gateway stops reach Redis: the flusher sends them when it closes. */
class ViewFlusherTest {

    @Test
    void theLastViewsAreSentWhenTheGatewayStops() throws Exception {
        TestRedis.flush(TestRedis.DEFAULT_DATABASE);
        try (GuardedRedis redis =
                        new GuardedRedis(
                                "view-flusher-test",
                                new GuardedRedis.Settings(
                                        URI.create(TestRedis.url()),
                                        Duration.ofMillis(500),
                                        2,
                                        Duration.ofSeconds(1)));
                RedisClient check = TestRedis.client(TestRedis.DEFAULT_DATABASE)) {
            ViewCounter views =
                    new ViewCounter(
                            new ReadPathProperties.Views(true, null, null, 0, 0, null, 0),
                            redis,
                            Clock.systemUTC(),
                            new SimpleMeterRegistry());
            ViewFlusher flusher =
                    new ViewFlusher(views, Duration.ofHours(1)); // no periodic flush in this test
            views.record(new StoryRef(4242, "world", true), "reader-a", "address-1");
            views.record(new StoryRef(4242, "world", true), "reader-b", "address-1");
            assertThat(check.exists(ReadPathKeys.seen(4242, "reader-a"))).isFalse();

            flusher.close();

            assertThat(check.exists(ReadPathKeys.seen(4242, "reader-a"))).isTrue();
            assertThat(check.exists(ReadPathKeys.seen(4242, "reader-b"))).isTrue();
        }
    }
}
