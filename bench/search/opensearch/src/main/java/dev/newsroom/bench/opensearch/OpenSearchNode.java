package dev.newsroom.bench.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node for bench/search: single-node discovery, HTTP and transport on
 * 127.0.0.1 only, data under the given home, the netty4 transport and analysis-common
 * plugins from the classpath. Runs until killed (the bench stops it). Usage:
 * {@code OpenSearchNode <home> <httpPort> <transportPort>}.
 */
public final class OpenSearchNode {
    private OpenSearchNode() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Settings settings =
                Settings.builder()
                        .put("path.home", home.toString())
                        .put("path.data", home.resolve("data").toString())
                        .put("cluster.name", "newsroom-bench")
                        .put("node.name", "bench")
                        .put("discovery.type", "single-node")
                        .put("network.host", "127.0.0.1")
                        .put("http.port", args[1])
                        .put("transport.port", args[2])
                        // one small machine: no disk watermarks refusing shards, no swapping checks
                        .put("cluster.routing.allocation.disk.threshold_enabled", false)
                        .put("bootstrap.memory_lock", false)
                        .build();
        Environment environment =
                InternalSettingsPreparer.prepareEnvironment(
                        settings, java.util.Map.of(), home.resolve("config"), () -> "bench");
        Node node =
                new Node(
                        environment,
                        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
                        true) {};
        node.start();
        System.out.println("opensearch node started on 127.0.0.1:" + args[1]);
        new CountDownLatch(1).await();
    }
}
