package dev.newsroom.search.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The built gateway (gateway/target/gateway.jar), exploded and started with the proto jar
 * this build installed in front of its own (so it knows newsroom.search.v1 even when it was
 * built before) and with gateway/src/main/resources/application.yml (the search route).
 */
final class GatewayProcess implements AutoCloseable {
    private static final Path JAR = Path.of("..", "gateway", "target", "gateway.jar");
    private static final Path CONFIG = Path.of("..", "gateway", "src", "main", "resources", "application.yml");

    private final Process process;
    private final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Null (with a message) when the gateway jar or the proto jar is missing. */
    static GatewayProcess start(String searchAddress) throws Exception {
        String protoJar = System.getProperty("newsroom.bench.proto.jar", "");
        if (!Files.isRegularFile(JAR) || protoJar.isEmpty() || !Files.isRegularFile(Path.of(protoJar))) {
            System.out.println("(c) skipped: " + JAR + " or the proto jar is missing (./mvnw -pl gateway -am package -DskipTests)");
            return null;
        }
        Path exploded = Path.of("target", "bench-gateway");
        String startClass;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            startClass = jar.getManifest().getMainAttributes().getValue("Start-Class");
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                Path to = exploded.resolve(e.getName()).normalize();
                if (!to.startsWith(exploded) || e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String cp = protoJar + java.io.File.pathSeparator + System.getProperty("newsroom.bench.gateway.extra", "") + java.io.File.pathSeparator + exploded.resolve("BOOT-INF/classes") + java.io.File.pathSeparator + exploded.resolve("BOOT-INF/lib/*");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx384m", "-cp", cp, startClass,
                "--spring.config.location=file:" + CONFIG.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "bench-gateway.log").toFile());
        pb.environment().put("NEWSROOM_GATEWAY_PORT", String.valueOf(port));
        pb.environment().put("NEWSROOM_SEARCH_SERVICE_ADDRESS", searchAddress);
        pb.environment().put("NEWSROOM_GATEWAY_DESCRIPTORS", "dev.newsroom.proto.article.v1.ArticleProto,dev.newsroom.proto.search.v1.SearchProto");
        pb.environment().put("NEWSROOM_ACCESS_LOG_LEVEL", "WARN");
        GatewayProcess gateway = new GatewayProcess(pb.start(), port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && gateway.process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/healthz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return gateway;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        gateway.close();
        System.out.println("(c) skipped: the gateway did not start, see search-service/target/bench-gateway.log");
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
