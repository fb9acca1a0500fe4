package dev.newsroom.article.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock, moved by the test (with property {@code test.clock=manual}). */
@Singleton
@Replaces(value = Clock.class, factory = dev.newsroom.service.wiring.ServiceWiring.class)
@Requires(property = "test.clock", value = "manual")
public class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T10:30:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
