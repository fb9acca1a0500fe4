package dev.newsroom.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Under {@code CI=true} a test that would be skipped (an assumption that does not hold, in the
 * test or in its set-up) fails instead: CI proves that every test ran. Elsewhere a skip stays a
 * skip. Registered for every test of a module that depends on test-support (its
 * {@code junit-platform.properties} turns on extension auto-detection).
 * {@code -Dnewsroom.test.ci=true} asks for the same without the environment variable.
 */
public final class NoSkipsInCi
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    static boolean inCi() {
        String forced = System.getProperty("newsroom.test.ci");
        return Boolean.parseBoolean(forced != null ? forced : System.getenv("CI"));
    }

    private static Throwable judged(Throwable thrown) {
        if (thrown instanceof TestAbortedException && inCi()) {
            return new AssertionError(
                    "skipped under CI=true, where every test must run: " + thrown.getMessage(),
                    thrown);
        }
        return thrown;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw judged(thrown);
    }
}
