package dev.newsroom.search.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the platform's built jars started as a process of its own, as {@code ./newsroom up}
 * does. Output goes to {@code target/bench-<name>.log}; {@code BENCH_<NAME>_JAVA_OPTS} (e.g.
 * {@code BENCH_GATEWAY_JAVA_OPTS=-XX:StartFlightRecording=...}) reaches its JVM.
 */
final class JarProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private int port;

    private JarProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** The port it was started on, when the starter recorded it ({@link #onPort}). */
    int port() {
        return port;
    }

    JarProcess onPort(int port) {
        this.port = port;
        return this;
    }

    /** Starts {@code jar} with {@code env} and waits until {@code readyUrl} answers 200. */
    static JarProcess start(
            String name, Path jar, String heap, Map<String, String> env, String readyUrl)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing (bench/search/run builds it)");
        }
        Path log = Path.of("target", "bench-" + name + ".log");
        ProcessBuilder pb =
                new ProcessBuilder("java", "-Xmx" + heap, "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        String javaOpts =
                System.getenv(
                        "BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            pb.environment().put("JAVA_TOOL_OPTIONS", javaOpts);
        }
        JarProcess started = new JarProcess(name, pb.start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && started.process.isAlive()) {
            if (status(readyUrl) == 200) {
                return started;
            }
            Thread.sleep(250);
        }
        started.close();
        throw new IllegalStateException(name + " did not start; see search-service/" + log);
    }

    private static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.getInputStream().readAllBytes();
            return code;
        } catch (IOException notYet) {
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.out.println(name + " did not stop within 30 s; killed");
            process.destroyForcibly().waitFor();
        }
    }
}
