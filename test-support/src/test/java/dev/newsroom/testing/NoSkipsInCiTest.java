package dev.newsroom.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class NoSkipsInCiTest {
    @Test
    void aSkippedTestFailsUnderCi() {
        Events tests = run(AbortsInItsBody.class, true);
        tests.assertStatistics(s -> s.started(1).aborted(0).failed(1));
    }

    @Test
    void aSkippedSetUpFailsUnderCi() {
        Events all = runAll(AbortsInItsSetUp.class, true);
        all.assertStatistics(s -> s.aborted(0).failed(1));
    }

    @Test
    void elsewhereASkipStaysASkip() {
        Events tests = run(AbortsInItsBody.class, false);
        tests.assertStatistics(s -> s.started(1).aborted(1).failed(0));
    }

    private static Events run(Class<?> sample, boolean ci) {
        return kit(sample, ci).testEvents();
    }

    private static Events runAll(Class<?> sample, boolean ci) {
        return kit(sample, ci).containerEvents();
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults kit(
            Class<?> sample, boolean ci) {
        String before = System.getProperty("newsroom.test.ci");
        System.setProperty("newsroom.test.ci", String.valueOf(ci));
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(
                            "junit.jupiter.extensions.autodetection.enabled", "true")
                    .selectors(selectClass(sample))
                    .execute();
        } finally {
            if (before == null) {
                System.clearProperty("newsroom.test.ci");
            } else {
                System.setProperty("newsroom.test.ci", before);
            }
        }
    }

    static class AbortsInItsBody {
        @Test
        void needsSomethingMissing() {
            Assumptions.abort("the server is missing");
        }
    }

    static class AbortsInItsSetUp {
        @BeforeAll
        static void setUp() {
            Assumptions.abort("the server is missing");
        }

        @Test
        void never() {}
    }
}
