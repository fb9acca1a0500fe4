package dev.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FieldMask;
import dev.newsroom.article.support.ManualClock;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.GetHotStoriesRequest;
import dev.newsroom.proto.article.v1.HotStories;
import dev.newsroom.proto.article.v1.HotStory;
import dev.newsroom.proto.article.v1.UnpublishArticleRequest;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.testing.TestPostgres;
import dev.newsroom.testing.TestRedis;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The Redis tier of the read path against the real Redis: cached stories and the hot list. */
class ReadPathTest {
    private static TestPostgres.Schema db;
    private static RunningArticleService service;
    private static ArticleServiceBlockingStub editor;
    private static ArticleServiceBlockingStub reader;
    private static ManualClock clock;
    private static RedisClient redis;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshSchema();
        // a long top-list TTL would hide the next test's views; 1 ms keeps every ranking fresh
        service =
                new RunningArticleService(
                        db, Map.of("test.clock", "manual", "newsroom.article.hot.top-ttl", "1ms"));
        editor = Stories.editor(service.channel());
        reader = Stories.reader(service.channel());
        clock = service.context().getBean(ManualClock.class);
        redis = TestRedis.client(TestRedis.DEFAULT_DATABASE);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (redis != null) {
            redis.close();
        }
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    @BeforeEach
    void emptyRedis() {
        redis.flushDB();
        clock.set(Instant.parse("2026-11-28T10:30:00Z"));
    }

    @Test
    void aPublishedStoryIsCachedAndEveryChangeIsSeenByTheNextRead() {
        Article story = Stories.createPublished(editor, "Cached and then corrected");
        assertThat(read(story).getHeadline()).isEqualTo("Cached and then corrected");
        assertThat(redis.exists(ReadPathKeys.story(story.getId()))).isTrue();

        Article fixed =
                editor.updateArticle(
                        UpdateArticleRequest.newBuilder()
                                .setArticle(
                                        Article.newBuilder()
                                                .setId(story.getId())
                                                .setVersion(story.getVersion())
                                                .setHeadline("Corrected"))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("headline"))
                                .build());
        assertThat(read(story).getHeadline()).isEqualTo("Corrected");
        assertThat(read(story).getVersion()).isEqualTo(fixed.getVersion());

        editor.unpublishArticle(UnpublishArticleRequest.newBuilder().setId(story.getId()).build());
        assertThatThrownBy(() -> read(story))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void theHotListRanksByDecayedViewsAndShowsViewsAndReaders() {
        Article earlier = Stories.createPublished(editor, "Read a lot an hour ago");
        Article now = Stories.createPublished(editor, "Read now");
        views(earlier, clock.instant().minus(Duration.ofHours(1)), 10, "a", "b", "c");
        views(now, clock.instant(), 6, "a", "d");

        HotStories day = hot("", "24h");
        assertThat(day.getStale()).isFalse();
        assertThat(ids(day)).containsExactly(earlier.getId(), now.getId());
        HotStory first = day.getStories(0);
        assertThat(first.getViews()).isEqualTo(10);
        assertThat(first.getUniqueReaders()).isEqualTo(3);
        assertThat(first.getStory().getHeadline()).isEqualTo("Read a lot an hour ago");
        assertThat(first.getStory().getBody()).isEmpty();
        // the last hour holds half of 9:00-10:00: 5 of the earlier story's 10 views count
        HotStories hour = hot("", "1h");
        assertThat(ids(hour)).containsExactly(now.getId(), earlier.getId());
        assertThat(hour.getStoriesList()).extracting(HotStory::getViews).containsExactly(6L, 5L);
        assertThat(hot("economy", "24h").getStoriesList()).isEmpty();

        // three hours on (half-life 6 h): 10 old views weigh ~6.3, 6 + 4 newer ones ~8.2
        clock.advance(Duration.ofHours(3));
        views(now, clock.instant(), 4, "e");
        HotStories later = hot("world", "24h");
        assertThat(ids(later)).containsExactly(now.getId(), earlier.getId());
        assertThat(later.getStoriesList()).extracting(HotStory::getViews).containsExactly(10L, 10L);
        assertThat(ids(hot("world", "1h"))).containsExactly(now.getId());
    }

    private static java.util.List<Long> ids(HotStories list) {
        return list.getStoriesList().stream().map(h -> h.getStory().getId()).toList();
    }

    @Test
    void withdrawnAndUnpublishedStoriesNeverAppearInTheHotList() {
        Article gone = Stories.createPublished(editor, "Withdrawn soon");
        Article back = Stories.createPublished(editor, "Back to draft soon");
        Article stays = Stories.createPublished(editor, "Stays");
        views(gone, clock.instant(), 50, "a");
        views(back, clock.instant(), 40, "a");
        views(stays, clock.instant(), 1, "a");
        assertThat(hot("", "24h").getStoriesCount()).isEqualTo(3);

        editor.withdrawArticle(WithdrawArticleRequest.newBuilder().setId(gone.getId()).build());
        editor.unpublishArticle(UnpublishArticleRequest.newBuilder().setId(back.getId()).build());
        assertThat(hot("", "24h").getStoriesList())
                .extracting(h -> h.getStory().getId())
                .containsExactly(stays.getId());
    }

    @Test
    void withoutRedisStoriesComeFromTheDatabaseAndTheHotListIsStale() throws Exception {
        TestPostgres.Schema other = TestPostgres.freshSchema();
        try (RunningArticleService offline =
                new RunningArticleService(
                        other, Map.of("newsroom.redis.url", "redis://127.0.0.1:1"))) {
            ArticleServiceBlockingStub ed = Stories.editor(offline.channel());
            ArticleServiceBlockingStub rd = Stories.reader(offline.channel());
            Article story = Stories.createPublished(ed, "Served without Redis");
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(
                                rd.getArticle(
                                                GetArticleRequest.newBuilder()
                                                        .setId(story.getId())
                                                        .build())
                                        .getHeadline())
                        .isEqualTo("Served without Redis");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            HotStories hot =
                    rd.getHotStories(GetHotStoriesRequest.newBuilder().setWindow("1h").build());
            assertThat(hot.getStale()).isTrue();
            assertThat(hot.getStoriesList()).isEmpty();
            var response =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            "http://127.0.0.1:"
                                                                    + offline.httpPort()
                                                                    + "/readyz"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"redis\":\"DEGRADED\"");
        } finally {
            other.drop();
        }
    }

    private static Article read(Article story) {
        return reader.getArticle(GetArticleRequest.newBuilder().setId(story.getId()).build());
    }

    private static HotStories hot(String section, String window) {
        return reader.getHotStories(
                GetHotStoriesRequest.newBuilder().setSection(section).setWindow(window).build());
    }

    /** What the gateway's view counter writes for {@code count} counted views at {@code at}. */
    private static void views(Article story, Instant at, int count, String... readers) {
        long hour = ReadPathKeys.epochHour(at);
        String id = Long.toString(story.getId());
        redis.zincrby(ReadPathKeys.views(story.getSection(), hour), count, id);
        redis.zincrby(ReadPathKeys.views(ReadPathKeys.ALL_SECTIONS, hour), count, id);
        redis.pfadd(ReadPathKeys.readers(story.getId(), at), readers);
    }
}
