package dev.newsroom.testing;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here (asked once; a machine without one says no in well under a second). */
final class Docker {
    private static Boolean answers;

    private Docker() {}

    static synchronized boolean answers() {
        if (answers == null) {
            try {
                answers = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                answers = false;
            }
        }
        return answers;
    }
}
