package dev.newsroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * A redis-server of one test's own (from the same Maven artifact as {@link TestRedis}'s
 * fallback), on a free loopback port, with an append-only file fsynced on every write: the
 * test can kill it like a crash (SIGKILL) and start it again on the same port, where it comes
 * back with every key it had. For "Redis dies in the middle of a change".
 */
public final class KillableRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private RedisServer server;

    public KillableRedis() {
        try {
            this.port = TestRedis.freePort();
            this.dir = Files.createTempDirectory("killable-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RedisClient client() {
        return RedisClient.create(URI.create(url()));
    }

    /** Starts (again) on the same port, from the append-only file of the last run. */
    public synchronized void start() {
        try {
            server =
                    RedisServer.newRedisServer()
                            .port(port)
                            .bind("127.0.0.1")
                            .setting("dir " + dir)
                            .setting("save \"\"")
                            .setting("appendonly yes")
                            .setting("appendfsync always")
                            .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on port " + port, e);
        }
    }

    /** SIGKILL, as a crash: no shutdown of its own; returns once the process is gone. */
    public synchronized void kill() {
        long pid;
        try (RedisClient redis = client()) {
            String info = redis.info("server");
            pid =
                    info.lines()
                            .filter(l -> l.startsWith("process_id:"))
                            .map(l -> Long.parseLong(l.substring(11).strip()))
                            .findFirst()
                            .orElseThrow();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.ifPresent(ProcessHandle::destroyForcibly);
        process.ifPresent(
                p ->
                        p.onExit()
                                .orTimeout(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS)
                                .join());
        try {
            server.stop();
        } catch (IOException | RuntimeException alreadyGone) {
            // the process is dead already; stop() only cleans up
        }
    }

    @Override
    public synchronized void close() {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            // already stopped or killed
        }
    }
}
