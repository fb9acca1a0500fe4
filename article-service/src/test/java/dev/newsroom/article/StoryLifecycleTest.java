package dev.newsroom.article;

import static dev.newsroom.article.support.Stories.create;
import static dev.newsroom.article.support.Stories.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FieldMask;
import dev.newsroom.article.support.ArticleServiceTest;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.GetArticleBySlugRequest;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.ListArticlesRequest;
import dev.newsroom.proto.article.v1.ListArticlesResponse;
import dev.newsroom.proto.article.v1.ListRevisionsRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.Revision;
import dev.newsroom.proto.article.v1.UnpublishArticleRequest;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The story life cycle through the gRPC contract, against the real PostgreSQL. */
class StoryLifecycleTest extends ArticleServiceTest {

    @Test
    void draftIsHiddenFromReadersUntilPublishedAndGoneAfterWithdrawal() {
        Article draft = create(editor, "Floods close the coastal road");
        assertThat(draft.getStatus()).isEqualTo(Article.Status.DRAFT);
        assertThat(draft.getId()).isPositive();
        assertThat(draft.getVersion()).isEqualTo(1);
        assertThat(draft.getSlug()).isEqualTo("floods-close-the-coastal-road");
        assertThat(draft.hasPublishTime()).isFalse();
        assertStatus(() -> reader.getArticle(get(draft.getId())), Status.Code.NOT_FOUND);
        assertThat(editor.getArticle(get(draft.getId())).getHeadline())
                .isEqualTo("Floods close the coastal road");

        Article published =
                editor.publishArticle(
                        PublishArticleRequest.newBuilder().setId(draft.getId()).build());
        assertThat(published.getStatus()).isEqualTo(Article.Status.PUBLISHED);
        assertThat(published.hasPublishTime()).isTrue();
        assertThat(reader.getArticle(get(draft.getId())).getBody())
                .isEqualTo("<p>Body of Floods close the coastal road</p>");
        assertThat(
                        reader.getArticleBySlug(
                                        GetArticleBySlugRequest.newBuilder()
                                                .setSlug(draft.getSlug())
                                                .build())
                                .getId())
                .isEqualTo(draft.getId());

        Article updated =
                editor.updateArticle(
                        UpdateArticleRequest.newBuilder()
                                .setArticle(
                                        Article.newBuilder()
                                                .setId(draft.getId())
                                                .setVersion(published.getVersion())
                                                .setLead("New lead"))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("lead"))
                                .build());
        assertThat(updated.getPublishTime()).isEqualTo(published.getPublishTime());
        assertThat(updated.getHeadline()).isEqualTo("Floods close the coastal road");
        assertThat(updated.getLead()).isEqualTo("New lead");
        assertThat(
                        updated.getUpdateTime().getSeconds() * 1_000_000_000L
                                + updated.getUpdateTime().getNanos())
                .isGreaterThan(
                        published.getUpdateTime().getSeconds() * 1_000_000_000L
                                + published.getUpdateTime().getNanos());

        Article withdrawn =
                editor.withdrawArticle(
                        WithdrawArticleRequest.newBuilder().setId(draft.getId()).build());
        assertThat(withdrawn.getStatus()).isEqualTo(Article.Status.WITHDRAWN);
        assertStatus(() -> reader.getArticle(get(draft.getId())), Status.Code.NOT_FOUND);
        assertStatus(
                () ->
                        editor.publishArticle(
                                PublishArticleRequest.newBuilder().setId(draft.getId()).build()),
                Status.Code.FAILED_PRECONDITION);

        Article again =
                editor.unpublishArticle(
                        UnpublishArticleRequest.newBuilder().setId(draft.getId()).build());
        assertThat(again.getStatus()).isEqualTo(Article.Status.DRAFT);
        assertThat(again.getPublishTime()).isEqualTo(published.getPublishTime());
    }

    @Test
    void staleVersionIsRejectedAndNothingIsLost() {
        Article a = create(editor, "Budget talks resume");
        Article first =
                editor.updateArticle(
                        update(
                                a.getId(),
                                a.getVersion(),
                                Article.newBuilder().setHeadline("Budget talks resume today")));
        assertStatus(
                () ->
                        editor.updateArticle(
                                update(
                                        a.getId(),
                                        a.getVersion(),
                                        Article.newBuilder().setHeadline("Stale edit"))),
                Status.Code.ABORTED);
        assertStatus(
                () ->
                        editor.updateArticle(
                                update(
                                        a.getId(),
                                        0,
                                        Article.newBuilder().setHeadline("No version"))),
                Status.Code.INVALID_ARGUMENT);
        assertThat(editor.getArticle(get(a.getId())).getHeadline()).isEqualTo(first.getHeadline());
    }

    @Test
    void everyChangeIsARevisionNewestFirst() {
        Article a = create(editor, "Election results are in");
        Article b =
                editor.updateArticle(
                        update(a.getId(), 1, Article.newBuilder().setLead("Turnout was high")));
        editor.publishArticle(
                PublishArticleRequest.newBuilder()
                        .setId(a.getId())
                        .setVersion(b.getVersion())
                        .build());
        List<Revision> revisions =
                editor.listRevisions(ListRevisionsRequest.newBuilder().setId(a.getId()).build())
                        .getRevisionsList();
        assertThat(revisions)
                .extracting(Revision::getChange)
                .containsExactly("publish", "update", "create");
        assertThat(revisions).extracting(Revision::getVersion).containsExactly(3L, 2L, 1L);
        assertThat(revisions.get(1).getArticle().getLead()).isEqualTo("Turnout was high");
        assertThat(revisions.get(0).getEditor()).isEqualTo("editor-1");
        assertStatus(
                () ->
                        reader.listRevisions(
                                ListRevisionsRequest.newBuilder().setId(a.getId()).build()),
                Status.Code.UNAUTHENTICATED);
    }

    @Test
    void persianStoryRoundTripsByteForByteIncludingItsSlug() {
        Article fa =
                Article.newBuilder()
                        .setLanguage("fa")
                        .setSection("iran")
                        .addTags("آب‌وهوا")
                        .setHeadline("بارش‌های سنگین در استان‌های شمالی ادامه دارد")
                        .setLead("هواشناسی برای سه روز آینده هشدار نارنجی صادر کرد.")
                        .setBody("<p>به گزارش خبرنگار ما، بارش‌ها از صبح امروز شدت گرفته‌اند.</p>")
                        .setAuthor("میز استان‌ها")
                        .build();
        Article created =
                editor.createArticle(CreateArticleRequest.newBuilder().setArticle(fa).build());
        editor.publishArticle(PublishArticleRequest.newBuilder().setId(created.getId()).build());
        Article read =
                reader.getArticleBySlug(
                        GetArticleBySlugRequest.newBuilder().setSlug(created.getSlug()).build());
        assertThat(created.getSlug()).isEqualTo("بارش-های-سنگین-در-استان-های-شمالی-ادامه-دارد");
        assertThat(read.getHeadline().getBytes()).isEqualTo(fa.getHeadline().getBytes());
        assertThat(read.getLead()).isEqualTo(fa.getLead());
        assertThat(read.getBody()).isEqualTo(fa.getBody());
        assertThat(read.getAuthor()).isEqualTo(fa.getAuthor());
        assertThat(read.getTagsList()).containsExactly("آب‌وهوا");
    }

    @Test
    void everyMutatingCallChecksTheEditorRole() {
        Article a = create(editor, "Role check story");
        ArticleServiceBlockingStub moderator =
                reader.withInterceptors(RunningArticleService.as("mod-1", "moderator"));
        List<Runnable> calls =
                List.of(
                        () ->
                                moderator.createArticle(
                                        CreateArticleRequest.newBuilder()
                                                .setArticle(draft("x"))
                                                .build()),
                        () ->
                                moderator.updateArticle(
                                        update(a.getId(), 1, Article.newBuilder().setLead("x"))),
                        () ->
                                moderator.publishArticle(
                                        PublishArticleRequest.newBuilder()
                                                .setId(a.getId())
                                                .build()),
                        () ->
                                moderator.unpublishArticle(
                                        UnpublishArticleRequest.newBuilder()
                                                .setId(a.getId())
                                                .build()),
                        () ->
                                moderator.withdrawArticle(
                                        WithdrawArticleRequest.newBuilder()
                                                .setId(a.getId())
                                                .build()),
                        () ->
                                moderator.listRevisions(
                                        ListRevisionsRequest.newBuilder()
                                                .setId(a.getId())
                                                .build()));
        calls.forEach(c -> assertStatus(c::run, Status.Code.PERMISSION_DENIED));
        ArticleServiceBlockingStub admin =
                reader.withInterceptors(RunningArticleService.as("root", "admin"));
        assertThat(
                        admin.publishArticle(
                                        PublishArticleRequest.newBuilder().setId(a.getId()).build())
                                .getStatus())
                .isEqualTo(Article.Status.PUBLISHED);
        assertStatus(
                () ->
                        reader.createArticle(
                                CreateArticleRequest.newBuilder().setArticle(draft("x")).build()),
                Status.Code.UNAUTHENTICATED);
    }

    @Test
    void badInputIsRefusedWithFieldViolationsOrSanitised() {
        assertStatus(
                () ->
                        editor.createArticle(
                                CreateArticleRequest.newBuilder()
                                        .setArticle(draft("").toBuilder().setSection("nowhere"))
                                        .build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        editor.createArticle(
                                CreateArticleRequest.newBuilder()
                                        .setArticle(
                                                draft("Bad slug").toBuilder().setSlug("not a slug"))
                                        .build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        reader.getArticleBySlug(
                                GetArticleBySlugRequest.newBuilder().setSlug("<script>").build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () -> reader.listArticles(ListArticlesRequest.newBuilder().setPageSize(-1).build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        reader.listArticles(
                                ListArticlesRequest.newBuilder().setPageSize(1_000_000).build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        reader.listArticles(
                                ListArticlesRequest.newBuilder().setPageToken("garbage").build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> reader.getArticle(get(987_654_321L)), Status.Code.NOT_FOUND);
        assertStatus(
                () ->
                        reader.listArticles(
                                ListArticlesRequest.newBuilder()
                                        .setStatus(Article.Status.DRAFT)
                                        .build()),
                Status.Code.PERMISSION_DENIED);

        Article dirty =
                editor.createArticle(
                        CreateArticleRequest.newBuilder()
                                .setArticle(
                                        draft("Sanitised story").toBuilder()
                                                .setBody(
                                                        "<p onclick=\"x()\">Hi<script>alert(1)</script><a href=\"javascript:alert(1)\">y</a>\u0000</p>"))
                                .build());
        assertThat(dirty.getBody()).isEqualTo("<p>Hi<a>y</a></p>");

        Article taken = create(editor, "Same headline twice");
        Article second = create(editor, "Same headline twice");
        assertThat(second.getSlug()).isEqualTo(taken.getSlug() + "-" + second.getId());
        assertStatus(
                () ->
                        editor.createArticle(
                                CreateArticleRequest.newBuilder()
                                        .setArticle(
                                                draft("Explicit").toBuilder()
                                                        .setSlug(taken.getSlug()))
                                        .build()),
                Status.Code.ALREADY_EXISTS);
    }

    @Test
    void pagingIsStableWhileNewStoriesArePublished() {
        ListArticlesRequest.Builder q =
                ListArticlesRequest.newBuilder().setSection("economy").setPageSize(3);
        for (int i = 0; i < 7; i++) {
            editor.publishArticle(
                    PublishArticleRequest.newBuilder()
                            .setId(
                                    editor.createArticle(
                                                    CreateArticleRequest.newBuilder()
                                                            .setArticle(
                                                                    draft("Market day " + i)
                                                                            .toBuilder()
                                                                            .setSection("economy"))
                                                            .build())
                                            .getId())
                            .build());
        }
        List<String> seen = new ArrayList<>();
        ListArticlesResponse page = reader.listArticles(q.build());
        page.getArticlesList().forEach(a -> seen.add(a.getHeadline()));
        int inserted = 0;
        while (!page.getNextPageToken().isEmpty()) {
            editor.publishArticle(
                    PublishArticleRequest.newBuilder()
                            .setId(
                                    editor.createArticle(
                                                    CreateArticleRequest.newBuilder()
                                                            .setArticle(
                                                                    draft("Breaking " + inserted++)
                                                                            .toBuilder()
                                                                            .setSection("economy"))
                                                            .build())
                                            .getId())
                            .build());
            page = reader.listArticles(q.setPageToken(page.getNextPageToken()).build());
            page.getArticlesList().forEach(a -> seen.add(a.getHeadline()));
        }
        assertThat(seen)
                .containsExactly(
                        "Market day 6",
                        "Market day 5",
                        "Market day 4",
                        "Market day 3",
                        "Market day 2",
                        "Market day 1",
                        "Market day 0");
        assertThat(
                        reader.listArticles(
                                        ListArticlesRequest.newBuilder()
                                                .setSection("economy")
                                                .setPageSize(1)
                                                .build())
                                .getArticles(0)
                                .getBody())
                .isEmpty();
        assertStatus(
                () ->
                        reader.listArticles(
                                ListArticlesRequest.newBuilder()
                                        .setSection("world")
                                        .setPageToken(
                                                reader.listArticles(q.clearPageToken().build())
                                                        .getNextPageToken())
                                        .build()),
                Status.Code.INVALID_ARGUMENT);
    }

    private static GetArticleRequest get(long id) {
        return GetArticleRequest.newBuilder().setId(id).build();
    }

    private static UpdateArticleRequest update(long id, long version, Article.Builder fields) {
        return UpdateArticleRequest.newBuilder()
                .setArticle(fields.setId(id).setVersion(version))
                .build();
    }

    static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
