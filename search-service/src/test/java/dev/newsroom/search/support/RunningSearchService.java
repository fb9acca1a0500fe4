package dev.newsroom.search.support;

import dev.newsroom.proto.search.v1.SearchServiceGrpc;
import dev.newsroom.testing.TestIdentity;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** search-service started for real in this JVM (gRPC and HTTP on free ports) on an index directory. */
public final class RunningSearchService implements AutoCloseable {
    private final EmbeddedServer server;
    private final ManagedChannel channel;
    public final int grpcPort;
    public final int httpPort;

    public RunningSearchService(
            Path indexDir, String articleServiceAddress, Map<String, Object> extra) {
        grpcPort = freePort();
        httpPort = freePort();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", httpPort);
        props.put("grpc.server.port", grpcPort);
        props.put("newsroom.search.data-dir", indexDir.toString());
        props.put("newsroom.article-service.address", articleServiceAddress);
        props.put(TestIdentity.PROPERTY, TestIdentity.KEY);
        props.put("newsroom.search.reconnect-max-backoff", "1s");
        props.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, props);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    public SearchServiceGrpc.SearchServiceBlockingStub search() {
        return SearchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public ManagedChannel channel() {
        return channel;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** Stops the service the way a pod is stopped (SIGTERM: the context closes). */
    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.getApplicationContext().close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
