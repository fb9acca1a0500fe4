package dev.newsroom.comment.support;

import dev.newsroom.proto.comment.v1.CommentServiceGrpc;
import dev.newsroom.proto.comment.v1.CommentServiceGrpc.CommentServiceBlockingStub;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** comment-service started for real (gRPC and HTTP on free ports) against a test schema and the real Redis. */
public final class RunningCommentService implements AutoCloseable {
    private final EmbeddedServer server;
    private final ManagedChannel channel;

    /** Appended to every client fingerprint, so runs never share rate-limit buckets in Redis. */
    private final String run = TestRedis.freshPrefix();

    private static final String AUDIENCE = "comment-service";

    public RunningCommentService(
            TestPostgres.Schema db, String articleServiceAddress, Map<String, Object> extra) {
        int grpcPort = freePort();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", freePort());
        props.put("grpc.server.port", grpcPort);
        props.put("datasources.default.url", db.url());
        props.put("datasources.default.username", db.user());
        props.put("datasources.default.password", db.password());
        props.put("datasources.default.maximum-pool-size", 10);
        props.put("newsroom.article-service.address", articleServiceAddress);
        props.put("newsroom.redis.url", TestRedis.url());
        props.put(TestIdentity.PROPERTY, TestIdentity.KEY);
        props.put("newsroom.comment.moderation.banned-words", "forbiddenword,نفرت‌انگیز");
        props.put("newsroom.comment.moderation.suspect-words", "casino");
        props.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, props);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** An anonymous reader behind the gateway, with a client fingerprint of its own. */
    public CommentServiceBlockingStub reader() {
        return reader("client-" + UUID.randomUUID());
    }

    public CommentServiceBlockingStub reader(String clientFingerprint) {
        return stub(TestIdentity.reader(AUDIENCE, fingerprint(clientFingerprint)));
    }

    public CommentServiceBlockingStub moderator() {
        return stub(
                TestIdentity.as(AUDIENCE, "mod-1", "moderator", fingerprint("moderator-client")));
    }

    public CommentServiceBlockingStub as(String subject, String roles) {
        return stub(TestIdentity.as(AUDIENCE, subject, roles, fingerprint("c-" + subject)));
    }

    /** The fingerprint the service sees for a test's client name (unique to this run). */
    public String fingerprint(String client) {
        return run + client;
    }

    /** A stub whose calls carry what {@code identity} attaches (or nothing: a raw call, no token). */
    public CommentServiceBlockingStub stub(ClientInterceptor... identity) {
        return CommentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(identity)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
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
