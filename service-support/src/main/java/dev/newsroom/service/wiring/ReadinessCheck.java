package dev.newsroom.service.wiring;

import java.util.function.Supplier;

/**
 * One line of {@code /readyz}: each service contributes its checks as beans (the database,
 * the search index, Redis, the feed). The process is ready while every required check is UP.
 */
public interface ReadinessCheck {

    String UP = "UP";

    /** The key in the answer's {@code checks}, e.g. {@code database}. */
    String name();

    /** {@link #UP}, or a word saying what is wrong (DOWN, DEGRADED, RECONNECTING). */
    String state();

    /**
     * False for what is only reported (an accelerator such as Redis, a feed that reconnects by
     * itself): the service answers without it, so it must not be taken out of rotation.
     */
    default boolean required() {
        return true;
    }

    /** A check the process is not ready without. */
    static ReadinessCheck required(String name, Supplier<String> state) {
        return new Of(name, true, state);
    }

    /** A check that is reported but never makes the process unready. */
    static ReadinessCheck reported(String name, Supplier<String> state) {
        return new Of(name, false, state);
    }

    record Of(String name, boolean required, Supplier<String> probe) implements ReadinessCheck {
        @Override
        public String state() {
            return probe.get();
        }
    }
}
