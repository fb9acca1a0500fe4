package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.proto.search.v1.SearchHit;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.proto.search.v1.SearchResponse;
import dev.newsroom.search.bench.Cranfield;
import dev.newsroom.search.support.RunningSearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The relevance part of bench/search in CI, of what ships: the Cranfield abstracts indexed the
 * way the feed indexes stories, every question asked over gRPC of search-service started on its
 * own application.yml (nothing about scoring overridden), without a language filter, as a
 * reader asks; the ranking read through the pages of the answers, 1,000 deep.
 */
class CranfieldQualityTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "cranfield");

    @Test
    void rankingBeatsPlainBm25OnCranfield() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(DATA), DATA + " is absent: Cranfield quality check skipped");
        Cranfield cranfield = Cranfield.load(DATA);
        Path dataDir = Files.createTempDirectory("cranfield-quality");
        cranfield.writeIndex(dataDir);
        Cranfield.Result result;
        // the feed address answers nothing: the index is already complete
        try (RunningSearchService service =
                new RunningSearchService(dataDir, "127.0.0.1:1", Map.of())) {
            // two readers at a time (each question is ten pages of 100 highlighted hits)
            ExecutorService readers = Executors.newFixedThreadPool(2);
            Map<String, Future<List<Long>>> rankings = new HashMap<>();
            cranfield
                    .queries()
                    .forEach(
                            q ->
                                    rankings.computeIfAbsent(
                                            q, k -> readers.submit(() -> ranking(service, k))));
            result = cranfield.evaluate(question -> rankings.get(question).get());
            readers.shutdown();
        }
        System.out.println("Cranfield through search-service (shipped configuration): " + result);
        // plain BM25 (Lucene's EnglishAnalyzer, k1=1.2, b=0.75, title + text) scores 0.38 / 0.305
        assertThat(result.ndcg10()).isGreaterThanOrEqualTo(0.40);
        assertThat(result.map()).isGreaterThanOrEqualTo(0.31);
    }

    /** The first {@link Cranfield#DEPTH} hits, page by page, as a client reads them. */
    static List<Long> ranking(RunningSearchService service, String question) {
        List<Long> ids = new ArrayList<>();
        String token = "";
        do {
            SearchResponse page =
                    service.search()
                            .search(
                                    SearchRequest.newBuilder()
                                            .setQ(question)
                                            .setPageSize(100)
                                            .setPageToken(token)
                                            .build());
            page.getHitsList().stream().map(SearchHit::getId).forEach(ids::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty() && ids.size() < Cranfield.DEPTH);
        return ids;
    }
}
