package dev.newsroom.search.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bench/search's OpenSearch 2.19.6: one node in a JVM of its own (bench/search/opensearch),
 * loopback only, 1 GB heap, spoken to over its REST API. What it is asked is what a news site
 * would ask it for the answer search-service gives: the top 20 of a match over headline
 * (boosted as ours) and body with the {@code english} analyzer and every other setting left
 * at its default, highlights of headline and body, a terms aggregation over the section, and
 * the exact total ({@code track_total_hits}).
 */
final class OpenSearch implements AutoCloseable {
    /** Indexes of the bench: one shard, no replica (a single node). */
    private static final String ENGLISH_INDEX =
            """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {
               "headline": {"type": "text", "analyzer": "english"},
               "lead": {"type": "text", "analyzer": "english"},
               "body": {"type": "text", "analyzer": "english"},
               "section": {"type": "keyword"}}}}""";

    private final Process process;
    private final String base;

    private OpenSearch(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The node started from {@code classpath} (bench/search/run resolves it); null when none is given. */
    static OpenSearch start(String classpath) throws Exception {
        if (classpath == null || classpath.isBlank()) {
            return null;
        }
        int http = JarProcess.freePort();
        int transport = JarProcess.freePort();
        Path home = Files.createTempDirectory("search-bench-opensearch");
        Path log = Path.of("target", "bench-opensearch.log");
        Process p =
                new ProcessBuilder(
                                "java",
                                "-Xms1g",
                                "-Xmx1g",
                                "-cp",
                                classpath,
                                "dev.newsroom.bench.opensearch.OpenSearchNode",
                                home.toString(),
                                String.valueOf(http),
                                String.valueOf(transport))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        OpenSearch node = new OpenSearch(p, "http://127.0.0.1:" + http);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (node.request("GET", "/_cluster/health?wait_for_status=green&timeout=1s", null)
                        .contains("green")) {
                    return node;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        node.close();
        throw new IllegalStateException("OpenSearch did not start; see search-service/" + log);
    }

    /** Creates {@code index} with the English mapping. */
    void createIndex(String index) throws IOException {
        request("DELETE", "/" + index + "?ignore_unavailable=true", null);
        request("PUT", "/" + index, ENGLISH_INDEX);
    }

    /** Adds {@code docs} (id → fields) in bulk requests of 1,000, then refreshes: searchable when this returns. */
    void index(String index, Map<String, Map<String, String>> docs) throws IOException {
        StringBuilder bulk = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Map<String, String>> d : docs.entrySet()) {
            JsonObject action = new JsonObject();
            JsonObject meta = new JsonObject();
            meta.addProperty("_id", d.getKey());
            action.add("index", meta);
            JsonObject source = new JsonObject();
            d.getValue().forEach(source::addProperty);
            bulk.append(action).append('\n').append(source).append('\n');
            if (++n % 1000 == 0) {
                bulk(index, bulk);
            }
        }
        bulk(index, bulk);
        request("POST", "/" + index + "/_refresh", null);
    }

    private void bulk(String index, StringBuilder ndjson) throws IOException {
        if (ndjson.isEmpty()) {
            return;
        }
        String answer = request("POST", "/" + index + "/_bulk", ndjson.toString());
        if (answer.startsWith("{\"took\"") && answer.contains("\"errors\":true")) {
            throw new IllegalStateException(
                    "bulk indexing into "
                            + index
                            + " failed: "
                            + answer.substring(0, Math.min(2000, answer.length())));
        }
        ndjson.setLength(0);
    }

    /** The ids of the first {@code size} hits of a plain match over headline and body (OpenSearch's defaults). */
    List<Long> ranking(String index, String q, int size) throws IOException {
        JsonObject query = new JsonObject();
        query.addProperty("size", size);
        query.addProperty("_source", false);
        query.add("query", match(q, "headline", "body"));
        List<Long> ids = new ArrayList<>();
        for (JsonElement hit :
                JsonParser.parseString(request("POST", "/" + index + "/_search", query.toString()))
                        .getAsJsonObject()
                        .getAsJsonObject("hits")
                        .getAsJsonArray("hits")) {
            ids.add(Long.parseLong(hit.getAsJsonObject().get("_id").getAsString()));
        }
        return ids;
    }

    /** The answer search-service gives, asked of OpenSearch: top 20, highlights, section counts, exact total. */
    static String answerQuery(String q) {
        JsonObject query = new JsonObject();
        query.addProperty("size", 20);
        query.addProperty("track_total_hits", true);
        JsonObject source = new JsonObject();
        JsonArray excludes = new JsonArray();
        excludes.add("body");
        source.add("excludes", excludes);
        query.add("_source", source);
        query.add("query", match(q, "headline^1.25", "lead^1.5", "body"));
        query.add(
                "highlight",
                JsonParser.parseString(
                        """
                {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "fields": {
                  "headline": {"number_of_fragments": 0},
                  "lead": {"fragment_size": 160, "number_of_fragments": 2},
                  "body": {"fragment_size": 160, "number_of_fragments": 2}}}"""));
        query.add(
                "aggs",
                JsonParser.parseString("{\"sections\": {\"terms\": {\"field\": \"section\"}}}"));
        return query.toString();
    }

    /** {@link #answerQuery} as one GET (the {@code source} parameter), for wrk. */
    static String answerPath(String index, String q) {
        return "/"
                + index
                + "/_search?source_content_type=application%2Fjson&source="
                + URLEncoder.encode(answerQuery(q), StandardCharsets.UTF_8);
    }

    String searchUrl(String index) {
        return base + "/" + index + "/_search";
    }

    /** One search answer (the JSON bytes), on a kept-alive connection. */
    byte[] answer(String index, String q) throws IOException {
        return send("POST", "/" + index + "/_search", answerQuery(q));
    }

    private static JsonObject match(String q, String... fields) {
        JsonObject multi = new JsonObject();
        multi.addProperty("query", q);
        JsonArray f = new JsonArray();
        for (String field : fields) {
            f.add(field);
        }
        multi.add("fields", f);
        JsonObject query = new JsonObject();
        query.add("multi_match", multi);
        return query;
    }

    private String request(String method, String path, String body) throws IOException {
        return new String(send(method, path, body), StandardCharsets.UTF_8);
    }

    private byte[] send(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(120_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty(
                    "Content-Type",
                    path.contains("_bulk") ? "application/x-ndjson" : "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int code = c.getResponseCode();
        try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            if (code >= 400 && !(method.equals("DELETE") && code == 404)) {
                throw new IllegalStateException(
                        method
                                + " "
                                + path
                                + " → "
                                + code
                                + ": "
                                + new String(answer, StandardCharsets.UTF_8));
            }
            return answer;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
