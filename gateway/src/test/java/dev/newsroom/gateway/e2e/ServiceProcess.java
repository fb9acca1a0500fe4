package dev.newsroom.gateway.e2e;

import dev.newsroom.gateway.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real service (article-service, comment-service, search-service): its built jar started as a process of its own,
 * on free ports, against a database of its own on the test PostgreSQL (NEWSROOM_TEST_JDBC_URL's server) or, for
 * search-service, an index directory of its own.
 */
final class ServiceProcess implements AutoCloseable {
    /** A service the tests can start: its module (and jar) name, its NEWSROOM_<PREFIX>_* keys, whether it has a database. */
    record Kind(String module, String prefix, boolean database) {
        static final Kind ARTICLES = new Kind("article-service", "NEWSROOM_ARTICLE", true);
        static final Kind COMMENTS = new Kind("comment-service", "NEWSROOM_COMMENT", true);
        static final Kind SEARCH = new Kind("search-service", "NEWSROOM_SEARCH", false);

        Path jar() {
            return Path.of("..", module, "target", module + ".jar");
        }
    }

    private final Process process;
    private final String name;
    private final String database;
    private final String adminUrl;
    private final String user;
    private final String password;
    private Path indexDir;
    final int grpcPort;
    final int httpPort;

    private ServiceProcess(Kind kind, String adminUrl, String user, String password, String database,
            Map<String, String> env) throws Exception {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.name = kind.module();
        grpcPort = freePort();
        httpPort = freePort();
        Path log = Path.of("target", kind.module() + "-e2e.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx384m", "-jar", kind.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String p = kind.prefix();
        if (database != null) {
            pb.environment().put(p + "_DB_URL", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database);
            pb.environment().put(p + "_DB_USER", user);
            pb.environment().put(p + "_DB_PASSWORD", password);
        } else {
            indexDir = Files.createTempDirectory(kind.module() + "-e2e");
            pb.environment().put(p + "_INDEX_DIR", indexDir.toString());
        }
        pb.environment().put(p + "_GRPC_PORT", String.valueOf(grpcPort));
        pb.environment().put(p + "_HTTP_PORT", String.valueOf(httpPort));
        pb.environment().put("NEWSROOM_ARTICLE_SCHEDULE_INTERVAL", "200ms");
        pb.environment().put("NEWSROOM_REDIS_URL", TestRedis.url());
        pb.environment().putAll(env);
        process = pb.start();
        awaitReady(log);
    }

    /** Starts article-service on a new database, or skips (fails in CI) without PostgreSQL. */
    static ServiceProcess start() throws Exception {
        TestRedis.flush();
        return start(Map.of());
    }

    /** As {@link #start()}, with extra environment (e.g. another NEWSROOM_REDIS_URL). */
    static ServiceProcess start(Map<String, String> env) throws Exception {
        return start(Kind.ARTICLES, env);
    }

    /** comment-service on a new database, asking the given article-service about stories. */
    static ServiceProcess startComments(ServiceProcess articles) throws Exception {
        return start(Kind.COMMENTS, Map.of("NEWSROOM_ARTICLE_SERVICE_ADDRESS", articles.grpcAddress()));
    }

    /** search-service on a new index directory, following the given article-service's feed. */
    static ServiceProcess startSearch(ServiceProcess articles) throws Exception {
        return start(Kind.SEARCH, Map.of("NEWSROOM_ARTICLE_SERVICE_ADDRESS", articles.grpcAddress(),
                "NEWSROOM_SEARCH_RECONNECT_MAX", "1s"));
    }

    private static ServiceProcess start(Kind kind, Map<String, String> env) throws Exception {
        String url = System.getenv("NEWSROOM_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            String why = "NEWSROOM_TEST_JDBC_URL is not set: the end-to-end tests need the real PostgreSQL (.ci/run sets it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        if (!Files.isRegularFile(kind.jar())) {
            Assertions.fail(kind.jar() + " is missing: build the reactor (./mvnw verify builds the services before the gateway)");
        }
        String user = System.getenv().getOrDefault("NEWSROOM_TEST_JDBC_USER", "postgres");
        String password = System.getenv().getOrDefault("NEWSROOM_TEST_JDBC_PASSWORD", "");
        String database = null;
        if (kind.database()) {
            database = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        }
        return new ServiceProcess(kind, url, user, password, database, env);
    }

    String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                Assertions.fail(name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        Assertions.fail(name + " was not ready within 90 s:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
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
            try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException e) {
                // best effort: a leftover test database harms nothing
            }
        }
        if (indexDir != null) {
            try (var paths = Files.walk(indexDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
