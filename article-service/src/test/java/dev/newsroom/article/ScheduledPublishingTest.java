package dev.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.ListRevisionsRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.Revision;
import dev.newsroom.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two replicas on one PostgreSQL: every scheduled story goes live on time, exactly once. */
class ScheduledPublishingTest {

    @Test
    void scheduledStoryBecomesVisibleAtItsPublishTimeOnceWithTwoReplicas() throws Exception {
        TestPostgres.Schema db = TestPostgres.freshSchema();
        try (RunningArticleService one = new RunningArticleService(db);
                RunningArticleService two = new RunningArticleService(db)) {
            ArticleServiceBlockingStub editor = Stories.editor(one.channel());
            ArticleServiceBlockingStub readerOnTwo = Stories.reader(two.channel());
            Instant at = Instant.now().plusSeconds(3);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Article a = Stories.create(editor, "Embargoed report " + i);
                Article scheduled =
                        editor.publishArticle(
                                PublishArticleRequest.newBuilder()
                                        .setId(a.getId())
                                        .setPublishTime(
                                                Timestamp.newBuilder()
                                                        .setSeconds(at.getEpochSecond())
                                                        .setNanos(at.getNano()))
                                        .build());
                assertThat(scheduled.getStatus()).isEqualTo(Article.Status.SCHEDULED);
                ids.add(a.getId());
            }
            assertThat(Instant.now()).isBefore(at);
            assertThatHidden(readerOnTwo, ids.get(0));

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    ids.stream()
                                            .allMatch(
                                                    id ->
                                                            editor.getArticle(
                                                                                    GetArticleRequest
                                                                                            .newBuilder()
                                                                                            .setId(
                                                                                                    id)
                                                                                            .build())
                                                                            .getStatus()
                                                                    == Article.Status.PUBLISHED));
            assertThat(Instant.now()).isAfterOrEqualTo(at);

            for (long id : ids) {
                Article a =
                        readerOnTwo.getArticle(GetArticleRequest.newBuilder().setId(id).build());
                assertThat(a.getPublishTime().getSeconds()).isEqualTo(at.getEpochSecond());
                assertThat(a.getVersion()).isEqualTo(3);
                List<Revision> revisions =
                        editor.listRevisions(ListRevisionsRequest.newBuilder().setId(id).build())
                                .getRevisionsList();
                assertThat(revisions)
                        .extracting(Revision::getChange)
                        .containsExactly("publish", "schedule", "create");
                assertThat(revisions.get(0).getEditor()).isEqualTo("scheduler");
            }
        } finally {
            db.drop();
        }
    }

    private static void assertThatHidden(ArticleServiceBlockingStub reader, long id) {
        StoryLifecycleTest.assertStatus(
                () -> reader.getArticle(GetArticleRequest.newBuilder().setId(id).build()),
                io.grpc.Status.Code.NOT_FOUND);
    }
}
