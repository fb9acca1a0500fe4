package dev.newsroom.search.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.testing.ArticleDesk;
import dev.newsroom.testing.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bench/search (a): Cranfield as a reader meets it. The abstracts are published through
 * article-service (a database of its own), indexed by search-service from the feed, and every
 * question is asked of {@code GET /api/v1/search} through the gateway, without a language
 * filter, the ranking read page by page; all three are the shipped jars on their shipped
 * configuration. Beside it, OpenSearch with its {@code english} analyzer and defaults on the
 * same abstracts.
 */
final class CranfieldBench {
    private CranfieldBench() {}

    static void run(Path dir, OpenSearch openSearch) throws Exception {
        Cranfield cranfield = Cranfield.load(dir);
        Cranfield.Result ours;
        try (ServiceProcess articles = ServiceProcess.articles();
                ArticleDesk desk = new ArticleDesk(articles.grpcAddress(), "search-test-editor")) {
            Path indexDir = Files.createTempDirectory("search-bench-cranfield");
            // article-service numbers the stories: map its ids back to the abstracts'
            Map<Long, Long> abstractOf = new HashMap<>();
            int refused = 0;
            try (SearchBench.SearchServiceProcess search =
                            SearchBench.SearchServiceProcess.start(
                                    indexDir, articles.grpcAddress());
                    JarProcess gateway = SearchBench.gateway(search.grpcPort())) {
                for (Cranfield.Doc d : cranfield.docs()) {
                    try {
                        abstractOf.put(
                                desk.publish(
                                                "en",
                                                "science",
                                                d.title(),
                                                "<p>" + SearchBench.escape(d.text()) + "</p>")
                                        .getId(),
                                d.id());
                    } catch (RuntimeException refusedByTheDesk) {
                        refused++; // an abstract without a title: no story can be published without
                        // a headline
                    }
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (search.search().search(SearchRequest.getDefaultInstance()).getTotalHits()
                                < abstractOf.size()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                String url = "http://127.0.0.1:" + gateway.port() + "/api/v1/search";
                ours =
                        cranfield.evaluate(
                                q -> gatewayRanking(url, q).stream().map(abstractOf::get).toList());
            }
            System.out.printf(
                    "(a) Cranfield, %d abstracts published via article-service (%d without a title refused), asked through the gateway"
                            + " (/api/v1/search, shipped configuration, no language filter):%n",
                    abstractOf.size(), refused);
        }
        System.out.printf(
                "    Newsroom                                  %s (target nDCG@10 >= 0.40, MAP >= 0.31; plain BM25 0.38 / 0.305)%n",
                ours);
        if (openSearch == null) {
            System.out.println(
                    "    OpenSearch row skipped: no OpenSearch classpath (bench/search/run resolves bench/search/opensearch)");
            return;
        }
        Map<String, Map<String, String>> docs = new LinkedHashMap<>();
        for (Cranfield.Doc d : cranfield.docs()) {
            docs.put(Long.toString(d.id()), Map.of("headline", d.title(), "body", d.text()));
        }
        openSearch.createIndex("cranfield");
        openSearch.index("cranfield", docs);
        Cranfield.Result theirs =
                cranfield.evaluate(q -> openSearch.ranking("cranfield", q, Cranfield.DEPTH));
        System.out.printf(
                "    OpenSearch 2.19.6 (english analyzer, multi_match headline+body, defaults) %s%n",
                theirs);
    }

    /** The first {@link Cranfield#DEPTH} story ids the gateway answers for {@code q}, 100 a page. */
    private static List<Long> gatewayRanking(String url, String q) throws IOException {
        List<Long> ids = new ArrayList<>();
        String token = "";
        do {
            String page =
                    get(
                            url
                                    + "?pageSize=100&q="
                                    + URLEncoder.encode(q, StandardCharsets.UTF_8)
                                    + (token.isEmpty()
                                            ? ""
                                            : "&pageToken="
                                                    + URLEncoder.encode(
                                                            token, StandardCharsets.UTF_8)));
            JsonObject answer = JsonParser.parseString(page).getAsJsonObject();
            if (answer.has("hits")) {
                for (JsonElement hit : answer.getAsJsonArray("hits")) {
                    ids.add(hit.getAsJsonObject().get("id").getAsLong());
                }
            }
            token = answer.has("nextPageToken") ? answer.get("nextPageToken").getAsString() : "";
        } while (!token.isEmpty() && ids.size() < Cranfield.DEPTH);
        return ids;
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(c.getResponseCode() + " from " + url);
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
