package dev.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.FieldMask;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.readpath.StoryRecord;
import dev.newsroom.testing.KillableRedis;
import dev.newsroom.testing.TestPostgres;
import dev.newsroom.testing.TestRedis;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * "200 means done" (docs/read-path.md): a change that answered is never served in its old
 * state afterwards, by this replica or another one, even when its tombstone never reached
 * Redis because Redis was paused or dead at the time, and Redis later serves the old copy again.
 * Two replicas of article-service on one database: A takes the change, B serves the reads.
 */
class ChangesOutliveRedisTest {
    private TestPostgres.Schema db;
    private RunningArticleService a;
    private RunningArticleService b;

    @BeforeEach
    void freshSchema() {
        db = TestPostgres.freshSchema();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (RunningArticleService s : new RunningArticleService[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
        db.drop();
    }

    private void replicas(String redisUrl) {
        Map<String, Object> props = Map.of("newsroom.redis.url", redisUrl);
        a = new RunningArticleService(db, props);
        b = new RunningArticleService(db, props);
    }

    @Test
    void aWithdrawalWhileRedisIsPausedIsNeverServedAgain() throws Exception {
        replicas(TestRedis.url());
        ArticleServiceBlockingStub editor = Stories.editor(a.channel());
        Article story = Stories.createPublished(editor, "Paused while withdrawn");
        read(b, story);
        read(b, story);
        try (RedisClient redis = TestRedis.client(TestRedis.DEFAULT_DATABASE)) {
            assertThat(cached(redis, story)).as("the story is in the Redis tier").isNotNull();

            redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "3000", "ALL");
            long start = System.nanoTime();
            editor.withdrawArticle(
                    WithdrawArticleRequest.newBuilder().setId(story.getId()).build());
            long acknowledged = System.nanoTime();
            System.out.printf(
                    "withdraw with Redis paused answered in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(acknowledged - start));

            // from the 200 on, on both replicas: gone, while Redis is paused and after it is back
            int servedOld = 0;
            int reads = 0;
            long lastOld = -1;
            while (System.nanoTime() - acknowledged < TimeUnit.SECONDS.toNanos(6)) {
                assertThat(status(a, story)).isEqualTo(Status.Code.NOT_FOUND);
                long asked = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged);
                Status.Code onB = status(b, story);
                reads++;
                if (onB == Status.Code.OK) {
                    servedOld++;
                    lastOld = asked;
                }
                assertThat(onB == Status.Code.NOT_FOUND || asked < 1000)
                        .as("replica B at %d ms: %s", asked, onB)
                        .isTrue();
                Thread.sleep(50);
            }
            System.out.printf(
                    "replica B: %d of %d reads in the 6 s after the 200 served the withdrawn story (last asked at %d ms)%n",
                    servedOld, reads, lastOld);
            StoryRecord left = cached(redis, story);
            System.out.printf(
                    "after the pause Redis holds %s%n",
                    left == null
                            ? "nothing"
                            : left.isTombstone()
                                    ? "the tombstone"
                                    : "the old copy (version "
                                            + left.version()
                                            + "), never served");
        }
    }

    @Test
    void anUpdateWhileRedisIsDeadIsNeverUndoneWhenRedisComesBackWithTheOldCopy() throws Exception {
        try (KillableRedis own = new KillableRedis()) {
            replicas(own.url());
            ArticleServiceBlockingStub editor = Stories.editor(a.channel());
            Article story = Stories.createPublished(editor, "Before the crash");
            read(b, story);
            assertThat(cached(own, story)).isNotNull();

            own.kill();
            Article fixed =
                    editor.updateArticle(
                            UpdateArticleRequest.newBuilder()
                                    .setArticle(
                                            Article.newBuilder()
                                                    .setId(story.getId())
                                                    .setVersion(story.getVersion())
                                                    .setHeadline("After the crash"))
                                    .setUpdateMask(FieldMask.newBuilder().addPaths("headline"))
                                    .build());
            long acknowledged = System.nanoTime();
            own.start();
            StoryRecord back = cached(own, story);
            assertThat(back).as("Redis came back from its append-only file").isNotNull();
            assertThat(Article.parseFrom(back.payload()).getHeadline())
                    .isEqualTo("Before the crash");

            // the breakers close again, Redis serves again; never the old headline after the 200
            int servedOld = 0;
            int reads = 0;
            while (System.nanoTime() - acknowledged < TimeUnit.SECONDS.toNanos(6)) {
                assertThat(read(a, story).getHeadline()).isEqualTo("After the crash");
                long asked = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged);
                String onB = read(b, story).getHeadline();
                reads++;
                servedOld += onB.equals("After the crash") ? 0 : 1;
                assertThat(onB.equals("After the crash") || asked < 1000)
                        .as("replica B at %d ms: %s", asked, onB)
                        .isTrue();
                Thread.sleep(50);
            }
            System.out.printf(
                    "replica B: %d of %d reads in the 6 s after the update served the old headline%n",
                    servedOld, reads);
            // and the first read after Redis returned replaced the old copy (the fence lets the
            // newer version in)
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> {
                                read(b, story);
                                StoryRecord now = cached(own, story);
                                assertThat(now).isNotNull();
                                assertThat(now.version()).isEqualTo(fixed.getVersion());
                            });
        }
    }

    @Test
    void aReplicaThatCannotReadTheOutboxServesNoCachedCopy() throws Exception {
        a = new RunningArticleService(db, Map.of("newsroom.redis.url", TestRedis.url()));
        // B reads the outbox once, at start, and never again: its fence goes stale after 500 ms
        b =
                new RunningArticleService(
                        db,
                        Map.of(
                                "newsroom.redis.url",
                                TestRedis.url(),
                                "newsroom.article.cache.fence-poll",
                                "1h",
                                "newsroom.article.cache.fence-max-lag",
                                "500ms"));
        ArticleServiceBlockingStub editor = Stories.editor(a.channel());
        Article story = Stories.createPublished(editor, "Withdrawn behind a stale fence");
        read(a, story);
        try (RedisClient redis = TestRedis.client(TestRedis.DEFAULT_DATABASE)) {
            assertThat(cached(redis, story)).isNotNull();
            redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "1500", "ALL");
            editor.withdrawArticle(
                    WithdrawArticleRequest.newBuilder().setId(story.getId()).build());
            Thread.sleep(2500);
            StoryRecord left = cached(redis, story);
            assertThat(left != null && !left.isTombstone())
                    .as("the old copy is still in Redis")
                    .isTrue();
        }
        // B never learned of the withdrawal, but a stale fence vouches for nothing: B reads the
        // database
        assertThat(status(b, story)).isEqualTo(Status.Code.NOT_FOUND);
        Article other = Stories.createPublished(editor, "Still served, from the database");
        assertThat(read(b, other).getHeadline()).isEqualTo("Still served, from the database");
    }

    private static Article read(RunningArticleService replica, Article story) {
        return Stories.reader(replica.channel())
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getArticle(GetArticleRequest.newBuilder().setId(story.getId()).build());
    }

    private static Status.Code status(RunningArticleService replica, Article story) {
        try {
            read(replica, story);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    private static StoryRecord cached(KillableRedis own, Article story) {
        try (RedisClient redis = own.client()) {
            return cached(redis, story);
        }
    }

    private static StoryRecord cached(RedisClient redis, Article story) {
        return StoryRecord.decode(
                redis.get(ReadPathKeys.story(story.getId()).getBytes(StandardCharsets.UTF_8)));
    }
}
