package dev.newsroom.article.support;

import dev.newsroom.testing.TestIdentity;
import dev.newsroom.testing.TestPostgres;
import dev.newsroom.testing.TestRedis;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** article-service started for real (gRPC and HTTP on free ports) against a test schema. */
public final class RunningArticleService implements AutoCloseable {
    private final EmbeddedServer server;
    private final ManagedChannel channel;
    private final int grpcPort;
    private final int httpPort;

    public RunningArticleService(TestPostgres.Schema db, Map<String, Object> extra) {
        grpcPort = freePort();
        httpPort = freePort();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", httpPort);
        props.put("grpc.server.port", grpcPort);
        props.put("datasources.default.url", db.url());
        props.put("datasources.default.username", db.user());
        props.put("datasources.default.password", db.password());
        props.put("datasources.default.maximum-pool-size", 5);
        props.put("newsroom.article.schedule-interval", "200ms");
        props.put("newsroom.article.feed.poll-interval", "100ms");
        props.put("newsroom.redis.url", TestRedis.url());
        props.put(TestIdentity.PROPERTY, TestIdentity.KEY);
        TestRedis.flush(TestRedis.DEFAULT_DATABASE);
        props.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, props);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    public RunningArticleService(TestPostgres.Schema db) {
        this(db, Map.of());
    }

    public ManagedChannel channel() {
        return channel;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public int httpPort() {
        return httpPort;
    }

    /** A call token as the gateway signs it for a verified user. */
    public static ClientInterceptor as(String subject, String roles) {
        return TestIdentity.as("article-service", subject, roles, "test:" + subject);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.getApplicationContext().close();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
