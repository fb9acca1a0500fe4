package dev.newsroom.search.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.index.LiveIndex;
import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.search.index.StoryDocument;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.support.ArticleServiceProcess;
import dev.newsroom.search.support.Desk;
import dev.newsroom.search.support.RunningSearchService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;

/**
 * bench/search: (a) Cranfield quality, (b) Reuters-21578 through the real feed,
 * (c) query latency through the gateway vs in-process Lucene on the same index.
 * Loopback only; every part is bounded. Run by bench/search/run.
 */
public final class SearchBench {
    private static final Path DATA = Path.of(System.getProperty("newsroom.bench.data", "../../shared/data"));

    public static void main(String[] args) throws Exception {
        Path cranfield = DATA.resolve("cranfield");
        if (Files.isDirectory(cranfield)) {
            Cranfield.Result r = Cranfield.run(cranfield);
            System.out.printf("(a) Cranfield: %d queries, nDCG@10 %.4f (target >= 0.38), MAP %.4f (target >= 0.30)%n", r.queries(), r.ndcg10(), r.map());
        } else {
            System.out.println("(a) skipped: " + cranfield + " is absent");
        }
        Path reuters = DATA.resolve("reuters21578.jsonl.gz");
        if (!Files.isRegularFile(reuters)) {
            System.out.println("(b), (c) skipped: " + reuters + " is absent");
            return;
        }
        int limit = Integer.parseInt(System.getProperty("newsroom.bench.reuters.limit", "21578"));
        List<JsonObject> stories = readReuters(reuters, limit);
        String reuse = System.getProperty("newsroom.bench.index", "");
        if (!reuse.isEmpty()) {
            // (c) only, on the index an earlier run built (its feed source is gone: the follower just retries)
            try (RunningSearchService search = new RunningSearchService(Path.of(reuse), "127.0.0.1:1", Map.of())) {
                latency(stories, search, Path.of(reuse));
            }
            System.exit(0);
        }
        try (ArticleServiceProcess articleService = ArticleServiceProcess.start()) {
            Path indexDir = Files.createTempDirectory("search-bench");
            try (RunningSearchService search = new RunningSearchService(indexDir, articleService.grpcAddress(), Map.of())) {
                feed(stories, articleService, search);
                latency(stories, search, indexDir);
            }
        }
        System.exit(0);
    }

    private static List<JsonObject> readReuters(Path file, int limit) throws Exception {
        List<JsonObject> stories = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && stories.size() < limit; line = in.readLine()) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                String title = o.has("title") ? o.get("title").getAsString().strip() : "";
                if (!title.isEmpty()) {
                    stories.add(o);
                }
            }
        }
        return stories;
    }

    /** (b) publish through article-service's gRPC API, 4 editors in parallel; wait until the last is searchable. */
    private static void feed(List<JsonObject> stories, ArticleServiceProcess articleService, RunningSearchService search) throws Exception {
        int editors = 4;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        long start = System.nanoTime();
        List<Desk> desks = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            Desk desk = new Desk(articleService.grpcAddress());
            desks.add(desk);
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < stories.size(); i = next.getAndIncrement()) {
                    JsonObject s = stories.get(i);
                    String body = s.has("body") ? s.get("body").getAsString() : "";
                    desk.publish("en", "economy", truncate(s.get("title").getAsString(), 300), "<p>" + escape(truncate(body, 250_000)) + "</p>");
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long published = System.nanoTime();
        long deadline = published + TimeUnit.MINUTES.toNanos(5);
        while (search.search().search(SearchRequest.getDefaultInstance()).getTotalHits() < stories.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long searchable = System.nanoTime();
        for (Desk d : desks) {
            d.close();
        }
        double publishSeconds = (published - start) / 1e9;
        System.out.printf("(b) Reuters-21578: %d stories published via article-service gRPC (PostgreSQL, 4 editors) in %.1f s = %.0f stories/s;"
                        + " all searchable %.0f ms after the last publish (%.1f s end to end = %.0f stories/s indexed through the feed)%n",
                stories.size(), publishSeconds, stories.size() / publishSeconds, (searchable - published) / 1e6,
                (searchable - start) / 1e9, stories.size() / ((searchable - start) / 1e9));
    }

    /** (c) the same 1,000 queries through the gateway (HTTP → gRPC → service) and on a plain IndexSearcher in this JVM. */
    private static void latency(List<JsonObject> stories, RunningSearchService search, Path indexDir) throws Exception {
        List<String> queries = queries(stories, 1000);
        SearchConfig config = new SearchConfig();
        StorySearch storySearch = new StorySearch(config, Clock.systemUTC());
        String live = Files.readString(indexDir.resolve("CURRENT")).strip();
        long[] direct;
        try (FSDirectory dir = FSDirectory.open(indexDir.resolve(live)); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(LiveIndex.SIMILARITY);
            direct = time(queries, q -> searcher.search(storySearch.textQuery(request(q)), 20));
        }
        try (GatewayProcess gateway = GatewayProcess.start("127.0.0.1:" + search.grpcPort)) {
            if (gateway == null) {
                return;
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long[] viaGateway = time(queries, q -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/search?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                return r;
            });
            System.out.printf("(c) 1,000 queries, sequential after 200 warm-up: in-process Lucene p50 %.2f ms p99 %.2f ms;"
                            + " through the gateway p50 %.2f ms p99 %.2f ms; p50 ratio %.1fx (target <= 3x)%n",
                    pct(direct, 50), pct(direct, 99), pct(viaGateway, 50), pct(viaGateway, 99), pct(viaGateway, 50) / pct(direct, 50));
        }
    }

    private static StorySearch.Request request(String q) {
        return new StorySearch.Request(q, "", "", null, null, false, false, 20, "");
    }

    interface Call {
        Object run(String q) throws Exception;
    }

    private static long[] time(List<String> queries, Call call) throws Exception {
        for (int i = 0; i < 200; i++) {
            call.run(queries.get(i % queries.size()));
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            call.run(queries.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** One or two words from random headlines (fixed seed): what readers type. */
    private static List<String> queries(List<JsonObject> stories, int n) {
        Random random = new Random(21578);
        List<String> queries = new ArrayList<>();
        while (queries.size() < n) {
            String[] words = stories.get(random.nextInt(stories.size())).get("title").getAsString().toLowerCase().split("[^a-z]+");
            List<String> usable = Arrays.stream(words).filter(w -> w.length() > 3).toList();
            if (usable.isEmpty()) {
                continue;
            }
            String q = usable.get(random.nextInt(usable.size()));
            if (usable.size() > 1 && random.nextBoolean()) {
                q += " " + usable.get(random.nextInt(usable.size()));
            }
            queries.add(q);
        }
        return queries;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
