package dev.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.search.v1.ReindexRequest;
import dev.newsroom.proto.search.v1.RelatedRequest;
import dev.newsroom.proto.search.v1.SearchHit;
import dev.newsroom.proto.search.v1.SearchRequest;
import dev.newsroom.proto.search.v1.SearchResponse;
import dev.newsroom.proto.search.v1.SuggestRequest;
import dev.newsroom.search.index.LiveIndex;
import dev.newsroom.search.query.StoryHit;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.support.RunningSearchService;
import dev.newsroom.search.support.SchemaOneIndex;
import dev.newsroom.search.support.ShippedConfig;
import dev.newsroom.testing.ArticleDesk;
import dev.newsroom.testing.ServiceProcess;
import dev.newsroom.testing.TestIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** search-service following the real article-service (its jar, on PostgreSQL) through the feed. */
class FedByTheFeedTest {
    private static ServiceProcess articleService;
    private static ArticleDesk desk;

    @BeforeAll
    static void startArticleService() throws Exception {
        articleService = ServiceProcess.articles();
        desk = new ArticleDesk(articleService.grpcAddress(), "search-test-editor");
    }

    @AfterAll
    static void stop() throws Exception {
        if (desk != null) {
            desk.close();
        }
        if (articleService != null) {
            articleService.close();
        }
    }

    @Test
    void publishedStoryIsFoundWithinTwoSecondsAndItsWithdrawalRemovesItWithinTwoSeconds()
            throws Exception {
        try (RunningSearchService search =
                new RunningSearchService(
                        Files.createTempDirectory("search-it"),
                        articleService.grpcAddress(),
                        Map.of())) {
            Article story =
                    desk.publish(
                            "en",
                            "world",
                            "Volcanic eruption grounds flights",
                            "<p>Ash clouds over the <b>Atlantic</b>.</p>");

            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> ids(search, "volcanic ash").contains(story.getId()));
            SearchHit hit = search.search().search(query("eruption")).getHits(0);
            assertThat(hit.getHighlights().getHeadline())
                    .isEqualTo("Volcanic <mark>eruption</mark> grounds flights");

            desk.withdraw(story.getId());
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !ids(search, "volcanic ash").contains(story.getId()));
        }
    }

    @Test
    void persianStoryIsFoundWithEitherLetterFormAndSuggestedAndRelated() throws Exception {
        try (RunningSearchService search =
                new RunningSearchService(
                        Files.createTempDirectory("search-it"),
                        articleService.grpcAddress(),
                        Map.of())) {
            Article bank =
                    desk.publish(
                            "fa",
                            "economy",
                            "نرخ سود بانكي كاهش يافت",
                            "<p>بانك مركزي نرخ سود را كاهش داد.</p>");
            Article other =
                    desk.publish(
                            "fa",
                            "economy",
                            "بانک مرکزی و نرخ ارز",
                            "<p>نرخ ارز در بازار بانک‌ها ثابت ماند.</p>");

            await().atMost(Duration.ofSeconds(2))
                    .until(
                            () ->
                                    ids(search, "بانک مرکزی")
                                            .containsAll(List.of(bank.getId(), other.getId())));
            assertThat(ids(search, "بانكي")).contains(bank.getId());
            assertThat(
                            search.search()
                                    .suggest(SuggestRequest.newBuilder().setQ("بانک مر").build())
                                    .getSuggestionsList())
                    .extracting(s -> s.getId())
                    .contains(other.getId());
            assertThat(
                            search.search()
                                    .related(
                                            RelatedRequest.newBuilder().setId(bank.getId()).build())
                                    .getArticlesList())
                    .extracting(SearchHit::getId)
                    .contains(other.getId())
                    .doesNotContain(bank.getId());
            assertThatThrownBy(
                            () ->
                                    search.search()
                                            .related(
                                                    RelatedRequest.newBuilder()
                                                            .setId(999_999_999L)
                                                            .build()))
                    .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.NOT_FOUND);
        }
    }

    @Test
    void killedWhileFiveHundredStoriesArePublishedItCatchesUpWithAllAndNoneTwice()
            throws Exception {
        Path dir = Files.createTempDirectory("search-it");
        AtomicInteger published = new AtomicInteger();
        RunningSearchService first =
                new RunningSearchService(dir, articleService.grpcAddress(), Map.of());
        CompletableFuture<Void> publishing =
                CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 500; i++) {
                                desk.publish(
                                        "en",
                                        "sport",
                                        "Marathon bulletin " + i + " quokkarun",
                                        "<p>Runner number " + i + ".</p>");
                                published.incrementAndGet();
                            }
                        });
        await().atMost(Duration.ofSeconds(60)).until(() -> published.get() >= 150);
        first.close();
        int whileDown = published.get();

        try (RunningSearchService second =
                new RunningSearchService(dir, articleService.grpcAddress(), Map.of())) {
            publishing.get();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> second.search().search(query("quokkarun")).getTotalHits() == 500);
            List<Long> all = allIds(second, "quokkarun");
            assertThat(all).hasSize(500);
            assertThat(new HashSet<>(all)).hasSize(500);
        }
        assertThat(whileDown).isLessThan(500);
    }

    @Test
    void reindexRebuildsBesideTheLiveIndexWhileSearchesKeepAnswering() throws Exception {
        try (RunningSearchService search =
                new RunningSearchService(
                        Files.createTempDirectory("search-it"),
                        articleService.grpcAddress(),
                        Map.of("newsroom.search.reindex-idle", "300ms"))) {
            Article story =
                    desk.publish(
                            "en",
                            "science",
                            "Telescope finds frozen moon",
                            "<p>Astronomers report.</p>");
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> ids(search, "telescope").contains(story.getId()));
            long before = search.search().search(SearchRequest.getDefaultInstance()).getTotalHits();

            assertThatThrownBy(() -> search.search().reindex(ReindexRequest.getDefaultInstance()))
                    .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            // the identity headers any caller could send, straight to the port: an anonymous caller
            assertThatThrownBy(
                            () ->
                                    search.search()
                                            .withInterceptors(forgedAdmin())
                                            .reindex(ReindexRequest.getDefaultInstance()))
                    .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            String building =
                    search.search()
                            .withInterceptors(as("ops", "admin"))
                            .reindex(ReindexRequest.getDefaultInstance())
                            .getIndex();

            Path current =
                    Path.of(
                            search.context()
                                    .getProperty("newsroom.search.data-dir", String.class)
                                    .orElseThrow(),
                            "CURRENT");
            List<Long> answered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> {
                                answered.add(
                                        search.search().search(query("telescope")).getTotalHits());
                                return Files.readString(current).strip().equals(building);
                            });
            assertThat(answered).isNotEmpty().allMatch(n -> n == 1);
            assertThat(ids(search, "telescope")).containsExactly(story.getId());
            assertThat(search.search().search(SearchRequest.getDefaultInstance()).getTotalHits())
                    .isEqualTo(before);
        }
    }

    @Test
    void anIndexOfTheFirstSchemaAnswersFromItsStoredFieldsAndIsRebuiltOnOpening() throws Exception {
        Article story =
                desk.publish(
                        "en",
                        "science",
                        "Glacier retreat measured from orbit",
                        "<p>The glacier lost ice. Satellites saw it.</p>");
        Path dataDir = Files.createTempDirectory("search-schema1");
        SchemaOneIndex.write(dataDir, story);
        try (FSDirectory dir = FSDirectory.open(dataDir.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(dir)) {
            StoryHit old =
                    new StorySearch(ShippedConfig.search(), Clock.systemUTC())
                            .search(
                                    new IndexSearcher(reader),
                                    new StorySearch.Request(
                                            "glacier", "", "", null, null, false, false, 20, ""))
                            .hits()
                            .get(0);
            assertThat(old.headline()).isEqualTo("Glacier retreat measured from orbit");
            assertThat(old.slug()).isEqualTo(story.getSlug());
            assertThat(old.snippets()).anyMatch(s -> s.contains("<mark>glacier</mark> lost ice"));
        }

        try (RunningSearchService search =
                new RunningSearchService(
                        dataDir,
                        articleService.grpcAddress(),
                        Map.of("newsroom.search.reindex-idle", "300ms"))) {
            SearchHit hit =
                    search.search()
                            .search(query("glacier"))
                            .getHits(0); // the old index, or already the rebuilt one
            assertThat(hit.getId()).isEqualTo(story.getId());
            assertThat(hit.getHeadline()).isEqualTo("Glacier retreat measured from orbit");
            assertThat(hit.getHighlights().getHeadline())
                    .isEqualTo("<mark>Glacier</mark> retreat measured from orbit");
            assertThat(hit.getHighlights().getSnippetsList())
                    .anyMatch(s -> s.contains("<mark>glacier</mark> lost ice"));
            assertThat(hit.getSlug()).isEqualTo(story.getSlug());

            Path current = dataDir.resolve("CURRENT");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !Files.readString(current).strip().equals("index"));
            Path rebuilt = dataDir.resolve(Files.readString(current).strip());
            try (FSDirectory dir = FSDirectory.open(rebuilt)) {
                assertThat(SegmentInfos.readLatestCommit(dir).getUserData())
                        .containsEntry("newsroom.index.schema", String.valueOf(LiveIndex.SCHEMA));
            }
            SearchHit after = search.search().search(query("glacier")).getHits(0);
            assertThat(after.getId()).isEqualTo(story.getId());
            assertThat(after.getHighlights()).isEqualTo(hit.getHighlights());
            assertThat(
                            search.search()
                                    .related(
                                            RelatedRequest.newBuilder()
                                                    .setId(story.getId())
                                                    .build())
                                    .getArticlesList())
                    .extracting(SearchHit::getId)
                    .doesNotContain(story.getId());
        }
    }

    private static SearchRequest query(String q) {
        return SearchRequest.newBuilder().setQ(q).build();
    }

    private static List<Long> ids(RunningSearchService search, String q) {
        return search.search().search(query(q)).getHitsList().stream()
                .map(SearchHit::getId)
                .toList();
    }

    private static List<Long> allIds(RunningSearchService search, String q) {
        List<Long> ids = new ArrayList<>();
        String token = "";
        do {
            SearchResponse page =
                    search.search()
                            .search(
                                    SearchRequest.newBuilder()
                                            .setQ(q)
                                            .setSort("date")
                                            .setPageSize(100)
                                            .setPageToken(token)
                                            .build());
            page.getHitsList().forEach(h -> ids.add(h.getId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    private static io.grpc.ClientInterceptor forgedAdmin() {
        io.grpc.Metadata md = new io.grpc.Metadata();
        md.put(
                io.grpc.Metadata.Key.of(
                        "x-newsroom-subject", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "mallory");
        md.put(
                io.grpc.Metadata.Key.of(
                        "x-newsroom-roles", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "admin");
        return io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(md);
    }

    private static io.grpc.ClientInterceptor as(String subject, String roles) {
        return TestIdentity.as("search-service", subject, roles, "test:" + subject);
    }
}
