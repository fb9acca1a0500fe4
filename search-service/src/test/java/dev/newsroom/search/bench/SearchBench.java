package dev.newsroom.search.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.proto.search.v1.SearchServiceGrpc;
import dev.newsroom.proto.search.v1.SuggestRequest;
import dev.newsroom.search.index.LiveIndex;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.support.ShippedConfig;
import dev.newsroom.testing.ArticleDesk;
import dev.newsroom.testing.ServiceProcess;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * bench/search: (a) Cranfield quality, (b) Reuters-21578 through the real feed,
 * (c) query latency through the gateway vs in-process Lucene on the same index.
 * Loopback only; every part is bounded. Run by bench/search/run.
 */
public final class SearchBench {
    private static final Path DATA =
            Path.of(System.getProperty("newsroom.bench.data", "../../shared/data"));

    /**
     * Warm-up passes over the 1,000 queries, every path in turn for each query, before the timed
     * pass. One pass left the JIT of a fresh gateway compiling for thousands more requests on
     * two cores (the gateway row was then ~1.5x its steady state).
     */
    private static final int WARMUP_PASSES = Integer.getInteger("newsroom.bench.warmup.passes", 5);

    /** (d): how long each side of the concurrent-readers comparison runs. */
    private static final int LOAD_SECONDS = Integer.getInteger("newsroom.bench.load.seconds", 10);

    public static void main(String[] args) throws Exception {
        try (OpenSearch openSearch =
                OpenSearch.start(System.getProperty("newsroom.bench.opensearch.classpath", ""))) {
            run(openSearch);
        }
        System.exit(0);
    }

    private static void run(OpenSearch openSearch) throws Exception {
        Path cranfield = DATA.resolve("cranfield");
        String reuse = System.getProperty("newsroom.bench.index", "");
        if (!Files.isDirectory(cranfield)) {
            System.out.println("(a) skipped: " + cranfield + " is absent");
        } else if (reuse.isEmpty()) {
            CranfieldBench.run(cranfield, openSearch);
        }
        Path reuters = DATA.resolve("reuters21578.jsonl.gz");
        if (!Files.isRegularFile(reuters)) {
            System.out.println("(b), (c) skipped: " + reuters + " is absent");
            return;
        }
        int limit = Integer.parseInt(System.getProperty("newsroom.bench.reuters.limit", "21578"));
        List<JsonObject> stories = readReuters(reuters, limit);
        if (openSearch != null) {
            ReutersBeside.index(stories, openSearch);
        }
        if (!reuse.isEmpty()) {
            // (c) only, on the index an earlier run built (no feed source: the follower just
            // retries)
            try (SearchServiceProcess search =
                    SearchServiceProcess.start(Path.of(reuse), "127.0.0.1:1")) {
                latency(stories, search, Path.of(reuse), openSearch);
            }
            return;
        }
        try (ServiceProcess articleService = ServiceProcess.articles()) {
            Path indexDir = Files.createTempDirectory("search-bench");
            try (SearchServiceProcess search =
                    SearchServiceProcess.start(indexDir, articleService.grpcAddress())) {
                feed(stories, articleService, search);
                latency(stories, search, indexDir, openSearch);
            }
            System.out.println(
                    "the index stays in "
                            + indexDir
                            + " (BENCH_INDEX="
                            + indexDir
                            + " reruns (c) on it)");
        }
    }

    /** The gateway's jar on a free port, routing search to {@code searchGrpcPort}. */
    static JarProcess gateway(int searchGrpcPort) throws Exception {
        int port = JarProcess.freePort();
        return JarProcess.start(
                        "gateway",
                        Path.of("..", "gateway", "target", "gateway.jar"),
                        "384m",
                        Map.of(
                                "NEWSROOM_GATEWAY_PORT",
                                String.valueOf(port),
                                "NEWSROOM_SEARCH_SERVICE_ADDRESS",
                                "127.0.0.1:" + searchGrpcPort,
                                "NEWSROOM_ACCESS_LOG_LEVEL",
                                "WARN"),
                        "http://127.0.0.1:" + port + "/healthz")
                .onPort(port);
    }

    /** search-service's jar as its own process on {@code indexDir}, and a gRPC channel to it. */
    record SearchServiceProcess(JarProcess process, int grpcPort, ManagedChannel channel)
            implements AutoCloseable {
        static SearchServiceProcess start(Path indexDir, String articleService) throws Exception {
            int grpc = JarProcess.freePort();
            int http = JarProcess.freePort();
            JarProcess process =
                    JarProcess.start(
                            "search-service",
                            Path.of("target", "search-service.jar"),
                            "1g",
                            Map.of(
                                    "NEWSROOM_SEARCH_INDEX_DIR", indexDir.toString(),
                                    "NEWSROOM_ARTICLE_SERVICE_ADDRESS", articleService,
                                    "NEWSROOM_SEARCH_GRPC_PORT", String.valueOf(grpc),
                                    "NEWSROOM_SEARCH_HTTP_PORT", String.valueOf(http),
                                    "NEWSROOM_SEARCH_RECONNECT_MAX", "1s"),
                            "http://127.0.0.1:" + http + "/healthz");
            return new SearchServiceProcess(
                    process,
                    grpc,
                    ManagedChannelBuilder.forAddress("127.0.0.1", grpc).usePlaintext().build());
        }

        SearchServiceGrpc.SearchServiceBlockingStub search() {
            return SearchServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            process.close();
        }
    }

    private static List<JsonObject> readReuters(Path file, int limit) throws Exception {
        List<JsonObject> stories = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            for (String line = in.readLine();
                    line != null && stories.size() < limit;
                    line = in.readLine()) {
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
    private static void feed(
            List<JsonObject> stories, ServiceProcess articleService, SearchServiceProcess search)
            throws Exception {
        int editors = 4;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        long start = System.nanoTime();
        List<ArticleDesk> desks = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            ArticleDesk desk = new ArticleDesk(articleService.grpcAddress(), "search-test-editor");
            desks.add(desk);
            pool.submit(
                    () -> {
                        for (int i = next.getAndIncrement();
                                i < stories.size();
                                i = next.getAndIncrement()) {
                            JsonObject s = stories.get(i);
                            String body = s.has("body") ? s.get("body").getAsString() : "";
                            desk.publish(
                                    "en",
                                    "economy",
                                    truncate(s.get("title").getAsString(), 300),
                                    "<p>" + escape(truncate(body, 250_000)) + "</p>");
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long published = System.nanoTime();
        long deadline = published + TimeUnit.MINUTES.toNanos(5);
        while (search.search().search(SearchRequest.getDefaultInstance()).getTotalHits()
                        < stories.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long searchable = System.nanoTime();
        for (ArticleDesk d : desks) {
            d.close();
        }
        double publishSeconds = (published - start) / 1e9;
        System.out.printf(
                "(b) Reuters-21578: %d stories published via article-service gRPC (PostgreSQL, 4 editors) in %.1f s = %.0f stories/s;"
                        + " all searchable %.0f ms after the last publish (%.1f s end to end = %.0f stories/s indexed through the feed)%n",
                stories.size(),
                publishSeconds,
                stories.size() / publishSeconds,
                (searchable - published) / 1e6,
                (searchable - start) / 1e9,
                stories.size() / ((searchable - start) / 1e9));
    }

    /**
     * (c) the same 1,000 queries on a plain IndexSearcher in this JVM, and through the gateway
     * (HTTP → gRPC → search-service, each its own process); between them, for where the time
     * goes, the service's whole answer computed in this JVM and the gRPC call alone; and the
     * cost of the hops themselves: a suggest that matches nothing (no search work, a tiny
     * answer) over gRPC and through the gateway. The rows are interleaved: each query goes
     * down every path in turn, in the warm-up passes and in the timed one, so every path runs
     * under the same conditions and drift on the machine falls on all of them alike (timed in
     * stretches of their own, the plain search's figure depended on how far its compilation
     * had got: 0.31-0.50 ms over runs, 0.12 ms when timed again last). Then the gateway with
     * one wrk connection: the same requests without a Java HTTP client's own time.
     */
    private static void latency(
            List<JsonObject> stories,
            SearchServiceProcess search,
            Path indexDir,
            OpenSearch openSearch)
            throws Exception {
        List<String> queries = queries(stories, 1000);
        StorySearch storySearch = new StorySearch(ShippedConfig.search(), Clock.systemUTC());
        String live = Files.readString(indexDir.resolve("CURRENT")).strip();
        try (FSDirectory dir = FSDirectory.open(indexDir.resolve(live));
                DirectoryReader reader = DirectoryReader.open(dir);
                JarProcess gateway = gateway(search.grpcPort())) {
            int port = gateway.port();
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(LiveIndex.SIMILARITY);
            String base = "http://127.0.0.1:" + port + "/api/v1/search";
            SuggestRequest nothing = SuggestRequest.newBuilder().setQ("qzxv").build();
            List<Call> rows =
                    new ArrayList<>(
                            List.of(
                                    q ->
                                            searcher.search(
                                                    storySearch.textQuery(searcher, request(q)),
                                                    20),
                                    q -> storySearch.search(searcher, request(q)),
                                    q ->
                                            search.search()
                                                    .search(
                                                            SearchRequest.newBuilder()
                                                                    .setQ(q)
                                                                    .build()),
                                    q ->
                                            get(
                                                    base
                                                            + "?q="
                                                            + URLEncoder.encode(
                                                                    q, StandardCharsets.UTF_8)),
                                    q -> search.search().suggest(nothing),
                                    q -> get(base + ":suggest?q=qzxv")));
            if (openSearch != null) {
                rows.add(q -> openSearch.answer(ReutersBeside.INDEX, q));
            }
            long[][] t = timeInterleaved(queries, rows);
            long[] direct = t[0],
                    wholeAnswer = t[1],
                    grpc = t[2],
                    viaGateway = t[3],
                    grpcHop = t[4],
                    gatewayHops = t[5];
            Wrk.Result oneAtATime = Wrk.run(base, queries, LOAD_SECONDS, 1, 1);
            double inProcessPerSecond =
                    throughput(queries, 2, q -> storySearch.search(searcher, request(q)));
            Wrk.Result load = Wrk.run(base, queries, LOAD_SECONDS, 2, 16);
            System.out.printf(
                    "(c) 1,000 queries, sequential, every path in turn for each query, after %d such warm-up passes (p50 / p99 ms):%n"
                            + "    in-process Lucene, top 20 of the text query    %6.2f / %6.2f%n"
                            + "    in-process, the service's whole answer          %6.2f / %6.2f   (totals, section counts, 20 highlighted hits)%n"
                            + "    search-service over gRPC                        %6.2f / %6.2f%n"
                            + "    through the gateway (HTTP/1.1 keep-alive)       %6.2f / %6.2f%n"
                            + "    the hops alone: a suggest matching nothing, over gRPC %.2f, through the gateway %.2f (p50)%n"
                            + "    p50 ratio gateway / in-process Lucene: %.1fx (target <= 3x); gateway / whole answer in-process: %.1fx;"
                            + " the two hops alone / in-process Lucene: %.1fx%n",
                    WARMUP_PASSES,
                    pct(direct, 50),
                    pct(direct, 99),
                    pct(wholeAnswer, 50),
                    pct(wholeAnswer, 99),
                    pct(grpc, 50),
                    pct(grpc, 99),
                    pct(viaGateway, 50),
                    pct(viaGateway, 99),
                    pct(grpcHop, 50),
                    pct(gatewayHops, 50),
                    pct(viaGateway, 50) / pct(direct, 50),
                    pct(viaGateway, 50) / pct(wholeAnswer, 50),
                    pct(gatewayHops, 50) / pct(direct, 50));
            if (openSearch != null) {
                ReutersBeside.latency(t[6], pct(viaGateway, 50), pct(viaGateway, 99));
            }
            if (oneAtATime == null) {
                System.out.println(
                        "    the gateway on one wrk connection, and (d), skipped: wrk is not installed (apt-get install -y wrk)");
                return;
            }
            // not a ratio: timed alone, while the rows above share the machine's caches with each
            // other
            System.out.printf(
                    "    through the gateway, wrk on one connection for %d s, alone (no Java client in the way): p50 %.2f ms,"
                            + " p99 %.2f ms, %d non-2xx%n",
                    LOAD_SECONDS,
                    oneAtATime.p50Millis(),
                    oneAtATime.p99Millis(),
                    oneAtATime.non2xx());
            System.out.printf(
                    "(d) concurrent readers, the same queries for %d s each: the service's whole answer in-process on 2 threads %.0f/s;"
                            + " through the gateway (wrk, 2 threads, 16 connections) %.0f/s, p50 %.2f ms, p99 %.2f ms, %d non-2xx, %d socket errors"
                            + " = %.2f of in-process%n",
                    LOAD_SECONDS,
                    inProcessPerSecond,
                    load.perSecond(),
                    load.p50Millis(),
                    load.p99Millis(),
                    load.non2xx(),
                    load.socketErrors(),
                    load.perSecond() / inProcessPerSecond);
            if (openSearch != null) {
                ReutersBeside.throughput(openSearch, queries, LOAD_SECONDS, load);
            }
        }
    }

    /** One GET on a kept-alive connection (HttpURLConnection reuses it once the body is read). */
    private static byte[] get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(c.getResponseCode() + " from " + url);
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static StorySearch.Request request(String q) {
        return new StorySearch.Request(q, "", "", null, null, false, false, 20, "");
    }

    interface Call {
        Object run(String q) throws Exception;
    }

    /** Each query down every row in turn: {@link #WARMUP_PASSES} passes, then one timed; per row, sorted nanos. */
    private static long[][] timeInterleaved(List<String> queries, List<Call> rows)
            throws Exception {
        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            for (String q : queries) {
                for (Call row : rows) {
                    row.run(q);
                }
            }
        }
        long[][] nanos = new long[rows.size()][queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            for (int r = 0; r < rows.size(); r++) {
                long t = System.nanoTime();
                rows.get(r).run(queries.get(i));
                nanos[r][i] = System.nanoTime() - t;
            }
        }
        for (long[] row : nanos) {
            Arrays.sort(row);
        }
        return nanos;
    }

    /** Answers per second with {@code threads} threads running through the queries for {@link #LOAD_SECONDS}. */
    private static double throughput(List<String> queries, int threads, Call call)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.size() / threads;
            runs.add(
                    pool.submit(
                            () -> {
                                for (int i = offset; System.nanoTime() < end; i++) {
                                    call.run(queries.get(i % queries.size()));
                                    answered.incrementAndGet();
                                }
                                return null;
                            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return answered.get() / ((System.nanoTime() - start) / 1e9);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
                / 1e6;
    }

    /** One or two words from random headlines (fixed seed): what readers type. */
    private static List<String> queries(List<JsonObject> stories, int n) {
        Random random = new Random(21578);
        List<String> queries = new ArrayList<>();
        while (queries.size() < n) {
            String[] words =
                    stories.get(random.nextInt(stories.size()))
                            .get("title")
                            .getAsString()
                            .toLowerCase()
                            .split("[^a-z]+");
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

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
