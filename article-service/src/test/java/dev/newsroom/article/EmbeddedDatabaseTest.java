package dev.newsroom.article;

import static dev.newsroom.article.StoryLifecycleTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import dev.newsroom.article.desk.Archive;
import dev.newsroom.article.domain.Story;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.GetArticleBySlugRequest;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.ListArticlesRequest;
import dev.newsroom.proto.article.v1.ListArticlesResponse;
import dev.newsroom.proto.article.v1.ListRevisionsRequest;
import dev.newsroom.proto.article.v1.ListRevisionsResponse;
import dev.newsroom.proto.article.v1.ListSectionsRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.Revision;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.article.v1.WatchRequest;
import dev.newsroom.testing.TestPostgres;
import io.grpc.Context;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default that {@code ./newsroom up} runs on: the migrations and every store's
 * statements on an H2 file in PostgreSQL mode (the same URL options as application.yml).
 * Needs neither PostgreSQL nor Redis; the other tests cover PostgreSQL.
 */
class EmbeddedDatabaseTest {

    @Test
    void storiesRoundTripThroughEveryStoreOnTheEmbeddedH2Database(@TempDir Path dir)
            throws Exception {
        String url =
                "jdbc:h2:file:"
                        + dir.resolve("articles").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (RunningArticleService service =
                new RunningArticleService(new TestPostgres.Schema(url, "sa", "", "public"))) {
            ArticleServiceBlockingStub editor = Stories.editor(service.channel());
            ArticleServiceBlockingStub reader = Stories.reader(service.channel());
            assertThat(
                            reader.listSections(ListSectionsRequest.getDefaultInstance())
                                    .getSectionsCount())
                    .isEqualTo(8);

            Article first = Stories.createPublished(editor, "Harbour reopens after storm");
            Article second = Stories.createPublished(editor, "Second ferry line opens");
            Article draft =
                    editor.createArticle(
                            CreateArticleRequest.newBuilder()
                                    .setArticle(
                                            Stories.draft("Draft about the harbour").toBuilder()
                                                    .setSlug("harbour-draft"))
                                    .build());
            assertThat(draft.getSlug()).isEqualTo("harbour-draft");
            assertStatus(
                    () ->
                            editor.createArticle(
                                    CreateArticleRequest.newBuilder()
                                            .setArticle(
                                                    Stories.draft("Same slug").toBuilder()
                                                            .setSlug("harbour-draft"))
                                            .build()),
                    Status.Code.ALREADY_EXISTS);

            // the version fence: a stale version changes nothing, the current one moves the story
            // and its tags
            assertStatus(
                    () ->
                            editor.updateArticle(
                                    retag(first.getId(), first.getVersion() - 1, "stale")),
                    Status.Code.ABORTED);
            Article retagged =
                    editor.updateArticle(retag(first.getId(), first.getVersion(), "ports"));
            assertThat(retagged.getVersion()).isEqualTo(first.getVersion() + 1);
            assertThat(retagged.getTagsList()).containsExactly("ports");

            // keyset paging by publish time, with the tag and section filters
            assertThat(
                            titles(
                                    reader,
                                    ListArticlesRequest.newBuilder()
                                            .setSection("world")
                                            .setPageSize(1)))
                    .containsExactly("Second ferry line opens", "Harbour reopens after storm");
            assertThat(
                            titles(
                                    reader,
                                    ListArticlesRequest.newBuilder()
                                            .setTag("ports")
                                            .setPageSize(1)))
                    .containsExactly("Harbour reopens after storm");
            assertThat(
                            titles(
                                    editor,
                                    ListArticlesRequest.newBuilder()
                                            .setStatus(Article.Status.DRAFT)
                                            .setPageSize(1)))
                    .containsExactly("Draft about the harbour");
            assertThat(
                            reader.getArticleBySlug(
                                            GetArticleBySlugRequest.newBuilder()
                                                    .setSlug(second.getSlug())
                                                    .build())
                                    .getId())
                    .isEqualTo(second.getId());

            ListRevisionsResponse newest =
                    editor.listRevisions(
                            ListRevisionsRequest.newBuilder()
                                    .setId(first.getId())
                                    .setPageSize(2)
                                    .build());
            ListRevisionsResponse older =
                    editor.listRevisions(
                            ListRevisionsRequest.newBuilder()
                                    .setId(first.getId())
                                    .setPageSize(2)
                                    .setPageToken(newest.getNextPageToken())
                                    .build());
            assertThat(newest.getRevisionsList())
                    .extracting(Revision::getChange)
                    .containsExactly("update", "publish");
            assertThat(older.getRevisionsList())
                    .extracting(Revision::getChange)
                    .containsExactly("create");

            List<Story> hot =
                    service.context()
                            .getBean(Archive.class)
                            .published(List.of(first.getId(), draft.getId(), second.getId()));
            assertThat(hot)
                    .extracting(Story::id)
                    .containsExactlyInAnyOrder(first.getId(), second.getId());

            // the scheduler's scan and its locked publish
            Instant at = Instant.now().plusSeconds(1);
            Article scheduled =
                    editor.publishArticle(
                            PublishArticleRequest.newBuilder()
                                    .setId(draft.getId())
                                    .setPublishTime(
                                            Timestamp.newBuilder()
                                                    .setSeconds(at.getEpochSecond())
                                                    .setNanos(at.getNano()))
                                    .build());
            assertThat(scheduled.getStatus()).isEqualTo(Article.Status.SCHEDULED);
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    editor.getArticle(
                                                            GetArticleRequest.newBuilder()
                                                                    .setId(draft.getId())
                                                                    .build())
                                                    .getStatus()
                                            == Article.Status.PUBLISHED);

            // the outbox: every change once, in order
            List<ArticleEvent> events = new ArrayList<>();
            Context.CancellableContext watch = Context.current().withCancellation();
            watch.run(
                    () -> {
                        Iterator<ArticleEvent> it =
                                Stories.feed(service.channel())
                                        .watch(
                                                WatchRequest.newBuilder()
                                                        .setAfterSequence(0)
                                                        .build());
                        for (int i = 0; i < 8; i++) {
                            events.add(it.next());
                        }
                    });
            watch.cancel(null);
            assertThat(events)
                    .extracting(ArticleEvent::getSequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(events.get(7).getType()).isEqualTo(ArticleEvent.Type.PUBLISHED);
            assertThat(events.get(7).getArticle().getId()).isEqualTo(draft.getId());
        }
    }

    private static UpdateArticleRequest retag(long id, long version, String tag) {
        return UpdateArticleRequest.newBuilder()
                .setArticle(Article.newBuilder().setId(id).setVersion(version).addTags(tag))
                .setUpdateMask(FieldMask.newBuilder().addPaths("tags"))
                .build();
    }

    /** Every page's headlines, following the page tokens to the end. */
    private static List<String> titles(
            ArticleServiceBlockingStub stub, ListArticlesRequest.Builder q) {
        List<String> out = new ArrayList<>();
        ListArticlesResponse page = stub.listArticles(q.build());
        while (true) {
            page.getArticlesList().forEach(a -> out.add(a.getHeadline()));
            if (page.getNextPageToken().isEmpty()) {
                return out;
            }
            page = stub.listArticles(q.setPageToken(page.getNextPageToken()).build());
        }
    }
}
