package dev.newsroom.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;

/**
 * One of the services as it ships: its built jar started as a process of its own, on free
 * ports, against a database of its own on the test PostgreSQL (or, for search-service, an index
 * directory of its own) and the test Redis; ready once its {@code /readyz} answers 200. The
 * reactor builds the services before the modules whose tests start them.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static ServiceProcess sharedArticles;

    /** A service the tests can start: its module (and jar) name, its NEWSROOM_<PREFIX>_* keys, whether it has a database. */
    public enum Kind {
        ARTICLES("article-service", "NEWSROOM_ARTICLE", true),
        COMMENTS("comment-service", "NEWSROOM_COMMENT", true),
        SEARCH("search-service", "NEWSROOM_SEARCH", false);

        private final String module;
        private final String prefix;
        private final boolean database;

        Kind(String module, String prefix, boolean database) {
            this.module = module;
            this.prefix = prefix;
            this.database = database;
        }

        public Path jar() {
            return Path.of("..", module, "target", module + ".jar");
        }
    }

    private final Kind kind;
    private final Process process;
    private final TestPostgres.Database database;
    private final Path indexDir;
    private final Path log;
    private final int grpcPort;
    private final int httpPort;

    private ServiceProcess(Kind kind, Map<String, String> extra) throws Exception {
        this.kind = kind;
        if (!Files.isRegularFile(kind.jar())) {
            Assertions.fail(
                    kind.jar()
                            + " is missing: build the reactor (./mvnw verify builds the services first)");
        }
        grpcPort = TestRedis.freePort();
        httpPort = TestRedis.freePort();
        log = Path.of("target", kind.module + "-" + STARTED.incrementAndGet() + ".log");
        Files.createDirectories(log.getParent());
        Map<String, String> env = new HashMap<>();
        String p = kind.prefix;
        if (kind.database) {
            database = TestPostgres.freshDatabase(kind.module.replace("-service", "") + "_it_");
            indexDir = null;
            env.put(p + "_DB_URL", database.url());
            env.put(p + "_DB_USER", database.user());
            env.put(p + "_DB_PASSWORD", database.password());
        } else {
            database = null;
            indexDir = Files.createTempDirectory(kind.module + "-it");
            env.put(p + "_INDEX_DIR", indexDir.toString());
        }
        env.put(p + "_GRPC_PORT", String.valueOf(grpcPort));
        env.put(p + "_HTTP_PORT", String.valueOf(httpPort));
        env.put("NEWSROOM_ARTICLE_SCHEDULE_INTERVAL", "200ms");
        env.put("NEWSROOM_REDIS_URL", TestRedis.url());
        // The one place the tests' service processes get the local profile (local-dev defaults
        // allowed, loopback only) and the tests' internal key (TestIdentity signs with it).
        env.put("NEWSROOM_PROFILE", "local");
        env.put("NEWSROOM_INTERNAL_KEY", TestIdentity.KEY);
        env.putAll(extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                                java,
                                "-Xmx384m",
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                kind.jar().toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        awaitReady();
    }

    /** article-service on a new database, the test Redis database emptied first (a new database reuses story ids). */
    public static ServiceProcess articles() throws Exception {
        return articles(Map.of());
    }

    /** As {@link #articles()}, with extra environment (e.g. another NEWSROOM_REDIS_URL). */
    public static ServiceProcess articles(Map<String, String> env) throws Exception {
        if (!env.containsKey("NEWSROOM_REDIS_URL")) {
            TestRedis.flush(TestRedis.DEFAULT_DATABASE);
        }
        return new ServiceProcess(Kind.ARTICLES, env);
    }

    /** One article-service for the whole test JVM (it takes seconds to start), stopped when the JVM ends. */
    public static synchronized ServiceProcess sharedArticles() {
        if (sharedArticles == null) {
            try {
                sharedArticles = articles();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start article-service", e);
            }
            ServiceProcess started = sharedArticles;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(started::closeQuietly, "article-service-stop"));
        }
        return sharedArticles;
    }

    /** comment-service on a new database, asking the given article-service about stories. */
    public static ServiceProcess comments(ServiceProcess articles) throws Exception {
        return new ServiceProcess(
                Kind.COMMENTS, Map.of("NEWSROOM_ARTICLE_SERVICE_ADDRESS", articles.grpcAddress()));
    }

    /** search-service on a new index directory, following the given article-service's feed. */
    public static ServiceProcess search(ServiceProcess articles) throws Exception {
        return new ServiceProcess(
                Kind.SEARCH,
                Map.of(
                        "NEWSROOM_ARTICLE_SERVICE_ADDRESS",
                        articles.grpcAddress(),
                        "NEWSROOM_SEARCH_RECONNECT_MAX",
                        "1s"));
    }

    public String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The service's own database (services that have one). */
    public TestPostgres.Database database() {
        return database;
    }

    private void awaitReady() throws Exception {
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(1))
                        .build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                Assertions.fail(
                        kind.module + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:" + httpPort + "/readyz"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        Assertions.fail(kind.module + " was not ready within 90 s:\n" + tail());
    }

    private String tail() throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (database != null) {
            database.close();
        }
        if (indexDir != null) {
            try (var paths = Files.walk(indexDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // the JVM is ending: a leftover test database or directory harms nothing
        }
    }
}
