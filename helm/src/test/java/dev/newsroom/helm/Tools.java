package dev.newsroom.helm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The repository, helm and kubectl. Helm comes from helm/install-helm.sh (npm registry
 * package, cached in .tools/); kubectl from the PATH, else the one that package ships.
 * A missing tool fails the build under CI=true and skips the test elsewhere.
 */
final class Tools {
    static final Path REPO =
            Path.of(System.getProperty("newsroom.repo", "..")).toAbsolutePath().normalize();
    static final Path HELM_DIR = REPO.resolve("helm");
    static final Path CHART = HELM_DIR.resolve("newsroom");
    static final Path K8S = REPO.resolve("k8s");

    private static Optional<Path> installed;

    private Tools() {}

    /** The helm binary, installing it on first use. */
    static Path helm() {
        return toolsDir()
                .map(dir -> dir.resolve("helm"))
                .orElseGet(
                        () ->
                                onPath("helm")
                                        .orElseGet(
                                                () ->
                                                        unavailable(
                                                                "helm: helm/install-helm.sh failed and no helm is on the PATH")));
    }

    /** kubectl from the PATH, else the one installed next to helm. */
    static Path kubectl() {
        return onPath("kubectl")
                .or(() -> toolsDir().map(dir -> dir.resolve("kubectl")))
                .orElseGet(
                        () ->
                                unavailable(
                                        "kubectl: not on the PATH and helm/install-helm.sh failed"));
    }

    private static synchronized Optional<Path> toolsDir() {
        if (installed == null) {
            Result result =
                    run(List.of("bash", HELM_DIR.resolve("install-helm.sh").toString()), Map.of());
            installed =
                    result.ok() ? Optional.of(Path.of(result.stdout().strip())) : Optional.empty();
            if (!result.ok()) {
                System.err.println(
                        "helm/install-helm.sh failed (exit "
                                + result.exitCode()
                                + "):\n"
                                + result.stderr());
            }
        }
        return installed;
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static <T> T unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: the chart checks must run)");
        }
        Assumptions.abort(message + ": skipped outside CI");
        throw new AssertionError("unreachable");
    }

    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** stdout, or a failed assertion showing stderr. */
        String orFail(String what) {
            if (!ok()) {
                fail(what + " failed (exit " + exitCode + "):\n" + stderr + stdout);
            }
            return stdout;
        }
    }

    static Result helm(String... args) {
        List<String> command = new ArrayList<>(List.of(helm().toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    static Result kubectl(String... args) {
        List<String> command = new ArrayList<>(List.of(kubectl().toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    /** Runs a command in the repository root; output goes through temp files (no pipe deadlock). */
    static Result run(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("newsroom-helm", ".out");
            Path err = Files.createTempFile("newsroom-helm", ".err");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command)
                                .directory(REPO.toFile())
                                .redirectOutput(out.toFile())
                                .redirectError(err.toFile())
                                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("timed out: " + command);
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(127, "", command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(
                System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
