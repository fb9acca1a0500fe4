package dev.newsroom.comment.support;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The real article-service: its built jar started as a process of its own, on free ports,
 * against a database of its own on the test PostgreSQL. One per test JVM (it takes seconds to
 * start); stopped when the JVM ends.
 */
public final class ArticleServiceProcess {
    private static final Path JAR = Path.of("..", "article-service", "target", "article-service.jar");
    private static ArticleServiceProcess shared;

    private final Process process;
    private final String database;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final int grpcPort;
    private final int httpPort;
    private final ManagedChannel channel;
    private final ArticleServiceGrpc.ArticleServiceBlockingStub editor;

    /** The JVM's article-service, started on first use. Needs the test PostgreSQL. */
    public static synchronized ArticleServiceProcess shared() {
        if (shared == null) {
            TestDatabase.Schema probe = TestDatabase.freshSchema();   // skips or fails without PostgreSQL
            probe.drop();
            if (!Files.isRegularFile(JAR)) {
                Assertions.fail(JAR + " is missing: build article-service first (the reactor builds it before comment-service)");
            }
            try {
                shared = new ArticleServiceProcess(System.getenv("NEWSROOM_TEST_JDBC_URL"), probe.user(), probe.password());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start article-service", e);
            }
            Runtime.getRuntime().addShutdownHook(new java.lang.Thread(shared::stop));
        }
        return shared;
    }

    private ArticleServiceProcess(String adminUrl, String user, String password) throws Exception {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = "comment_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        grpcPort = freePort();
        httpPort = freePort();
        Path log = Path.of("target", "article-service-it.log");
        Files.createDirectories(log.getParent());
        String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("NEWSROOM_ARTICLE_DB_URL", base.substring(0, base.lastIndexOf('/') + 1) + database);
        pb.environment().put("NEWSROOM_ARTICLE_DB_USER", user);
        pb.environment().put("NEWSROOM_ARTICLE_DB_PASSWORD", password);
        pb.environment().put("NEWSROOM_ARTICLE_GRPC_PORT", String.valueOf(grpcPort));
        pb.environment().put("NEWSROOM_ARTICLE_HTTP_PORT", String.valueOf(httpPort));
        process = pb.start();
        awaitReady(log);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER), "editor-1");
        md.put(Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER), "editor");
        editor = ArticleServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    public String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    /** A new draft story (not visible to readers). */
    public long draft(String headline) {
        return editor.createArticle(CreateArticleRequest.newBuilder().setArticle(Article.newBuilder()
                .setLanguage("en").setSection("world").setHeadline(headline).setLead("Lead of " + headline)
                .setBody("<p>" + headline + "</p>").setAuthor("Desk")).build()).getId();
    }

    /** A new published story. */
    public long published(String headline) {
        long id = draft(headline);
        editor.publishArticle(PublishArticleRequest.newBuilder().setId(id).build());
        return id;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                Assertions.fail("article-service exited with " + process.exitValue() + ":\n" + tail(log));
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
            java.lang.Thread.sleep(250);
        }
        Assertions.fail("article-service was not ready within 90 s:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private void stop() {
        channel.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            // best effort: a leftover test database harms nothing
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
