package dev.newsroom.search.bench;

import com.google.gson.JsonObject;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.search.index.LiveIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenSearch rows of bench/search (b)–(d): the same Reuters stories indexed by OpenSearch,
 * the same 1,000 queries answered with the same features (top 20, highlights, section counts,
 * exact total), timed in the same interleaved pass as our rows and loaded with the same wrk
 * settings.
 */
final class ReutersBeside {
    static final String INDEX = "reuters";

    private ReutersBeside() {}

    /** (b) both indexing times: OpenSearch's bulk API, and search-service's own index code on the same stories. */
    static void index(List<JsonObject> stories, OpenSearch openSearch) throws Exception {
        Map<String, Map<String, String>> docs = new LinkedHashMap<>();
        for (int i = 0; i < stories.size(); i++) {
            docs.put(
                    Integer.toString(i + 1),
                    Map.of(
                            "headline",
                            headline(stories.get(i)),
                            "body",
                            body(stories.get(i)),
                            "section",
                            "economy"));
        }
        openSearch.createIndex(INDEX);
        long start = System.nanoTime();
        openSearch.index(INDEX, docs);
        double theirs = (System.nanoTime() - start) / 1e9;

        Path dir = Files.createTempDirectory("search-bench-index-alone");
        start = System.nanoTime();
        try (LiveIndex index = LiveIndex.open(dir)) {
            for (int i = 0; i < stories.size(); i++) {
                Article story =
                        Article.newBuilder()
                                .setId(i + 1)
                                .setVersion(1)
                                .setSlug("r-" + (i + 1))
                                .setLanguage("en")
                                .setSection("economy")
                                .setHeadline(headline(stories.get(i)))
                                .setBody("<p>" + SearchBench.escape(body(stories.get(i))) + "</p>")
                                .setStatus(Article.Status.PUBLISHED)
                                .build();
                index.apply(
                        ArticleEvent.newBuilder()
                                .setSequence(i + 1)
                                .setType(ArticleEvent.Type.PUBLISHED)
                                .setArticle(story)
                                .build());
            }
            index.commit();
        }
        double ours = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "(b) indexing the same %d stories: OpenSearch (bulk REST, 1,000 a request, then refresh) %.1f s;"
                        + " search-service's index code alone (the feed's LiveIndex, in the bench JVM, then commit) %.1f s%n",
                stories.size(), theirs, ours);
    }

    /** (c) OpenSearch's row, from the interleaved pass. */
    static void latency(long[] sortedNanos, double gatewayP50, double gatewayP99) {
        double p50 = SearchBench.pct(sortedNanos, 50);
        double p99 = SearchBench.pct(sortedNanos, 99);
        System.out.printf(
                "    OpenSearch 2.19.6 over REST, the same answer   %6.2f / %6.2f   (top 20, highlights, section terms aggregation, exact total)%n",
                p50, p99);
        System.out.printf(
                "    p50 ratio gateway / OpenSearch: %.2fx (target <= 1); p99 %.2fx%n",
                gatewayP50 / p50, gatewayP99 / p99);
    }

    /** (d) OpenSearch under the same wrk load as the gateway. */
    static void throughput(
            OpenSearch openSearch, List<String> queries, int seconds, Wrk.Result ours)
            throws Exception {
        Wrk.Result theirs =
                Wrk.runPaths(
                        openSearch.searchUrl(INDEX),
                        queries.stream().map(q -> OpenSearch.answerPath(INDEX, q)).toList(),
                        seconds,
                        2,
                        16);
        if (theirs == null) {
            return;
        }
        System.out.printf(
                "    OpenSearch, the same answer (wrk, 2 threads, 16 connections) %.0f/s, p50 %.2f ms, p99 %.2f ms, %d non-2xx,"
                        + " %d socket errors; the gateway's throughput is %.2fx OpenSearch's%n",
                theirs.perSecond(),
                theirs.p50Millis(),
                theirs.p99Millis(),
                theirs.non2xx(),
                theirs.socketErrors(),
                ours.perSecond() / theirs.perSecond());
    }

    private static String headline(JsonObject story) {
        String title = story.get("title").getAsString();
        return title.length() <= 300 ? title : title.substring(0, 300);
    }

    private static String body(JsonObject story) {
        String body = story.has("body") ? story.get("body").getAsString() : "";
        return body.length() <= 250_000 ? body : body.substring(0, 250_000);
    }
}
