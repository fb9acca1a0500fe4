package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ListCommentsResponse;
import dev.newsroom.proto.comment.v1.Moderation;
import dev.newsroom.proto.comment.v1.UpdateCommentSettingsRequest;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Posting through the gRPC contract: story checks, hostile input, threads, settings. */
class CommentPostingTest extends CommentServiceTest {

    @Test
    void postOnAMissingOrUnpublishedStoryIsNotFound() {
        long draft = articles.draft("Draft only");
        assertStatus(() -> post(draft, "Hello"), Status.Code.NOT_FOUND);
        assertStatus(() -> post(999_999_999L, "Hello"), Status.Code.NOT_FOUND);
        assertStatus(
                () ->
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(draft)
                                                .build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void postOnAClosedStoryIsFailedPrecondition() {
        long story = articles.published("Closed for comments");
        moderator.updateCommentSettings(
                UpdateCommentSettingsRequest.newBuilder()
                        .setArticleId(story)
                        .setCommentsOpen(false)
                        .build());
        assertStatus(() -> post(story, "Too late"), Status.Code.FAILED_PRECONDITION);

        moderator.updateCommentSettings(
                UpdateCommentSettingsRequest.newBuilder()
                        .setArticleId(story)
                        .setCommentsOpen(true)
                        .build());
        assertThat(post(story, "Open again").getStatus()).isEqualTo(Comment.Status.PENDING);
    }

    @Test
    void settingsNeedTheModeratorRole() {
        long story = articles.published("Settings guarded");
        UpdateCommentSettingsRequest close =
                UpdateCommentSettingsRequest.newBuilder()
                        .setArticleId(story)
                        .setCommentsOpen(false)
                        .build();
        assertStatus(
                () -> service.reader().updateCommentSettings(close), Status.Code.UNAUTHENTICATED);
        assertStatus(
                () -> service.as("editor-1", "editor").updateCommentSettings(close),
                Status.Code.PERMISSION_DENIED);
        assertThat(service.as("boss", "admin").updateCommentSettings(close).getCommentsOpen())
                .isFalse();
    }

    @Test
    void postModeratedStoryShowsCommentsAtOnceButHoldsSuspectOnes() {
        long story = articles.published("Post-moderated");
        var settings =
                moderator.updateCommentSettings(
                        UpdateCommentSettingsRequest.newBuilder()
                                .setArticleId(story)
                                .setModeration(Moderation.POST)
                                .build());
        assertThat(settings.getCommentsOpen()).isTrue();

        assertThat(post(story, "Straight in").getStatus()).isEqualTo(Comment.Status.APPROVED);
        assertThat(post(story, "Visit the CASINO now").getStatus())
                .isEqualTo(Comment.Status.PENDING);
        assertThat(post(story, "a http://x.io b http://y.io c https://z.io").getStatus())
                .isEqualTo(Comment.Status.PENDING);
        assertThat(post(story, "You are a forbiddenword").getStatus())
                .isEqualTo(Comment.Status.REJECTED);
        assertThat(post(story, "نفرت انگيز").getStatus())
                .as("spaced, Arabic ye")
                .isEqualTo(Comment.Status.REJECTED);

        ListCommentsResponse thread =
                service.reader()
                        .listComments(ListCommentsRequest.newBuilder().setArticleId(story).build());
        assertThat(thread.getCommentsList())
                .extracting(Comment::getBody)
                .containsExactly("Straight in");
        assertThat(thread.getTotalCount()).isEqualTo(1);
        assertThat(thread.getSettings().getModeration()).isEqualTo(Moderation.POST);
    }

    @Test
    void theSameTextTwiceFromOneClientIsADuplicate() {
        long story = articles.published("Duplicates");
        var client = service.reader("dup-client");
        client.createComment(comment(story, "Same words here").build());
        assertStatus(
                () -> client.createComment(comment(story, "  same   WORDS here ").build()),
                Status.Code.ALREADY_EXISTS);
        assertThat(
                        service.reader("other-client")
                                .createComment(comment(story, "Same words here").build())
                                .getId())
                .isPositive();
    }

    @Test
    void hostileBodiesAreRefusedOrStoredAsSafePlainText() throws Exception {
        long story = articles.published("Hostile input");
        Comment script = post(story, "<script>alert('x')</script><img src=x onerror=alert(1)>");
        assertThat(script.getBody())
                .isEqualTo("<script>alert('x')</script><img src=x onerror=alert(1)>");

        Comment rtl = post(story, "abc\u202Eevil\u202C\u2066x\u2069 ok");
        assertThat(rtl.getBody()).isEqualTo("abcevilx ok");

        Comment nul = post(story, "nul\u0000byte\u0007 and\r\nnew line");
        assertThat(nul.getBody()).isEqualTo("nulbyte and\nnew line");

        Comment nfc = post(story, "Cafe\u0301");
        assertThat(nfc.getBody()).isEqualTo("Caf\u00e9");

        var tooLong =
                assertStatus(
                        () -> post(story, "x".repeat(10 * 1024)), Status.Code.INVALID_ARGUMENT);
        assertThat(tooLong.getStatus().getDescription()).contains("body");
        assertStatus(() -> post(story, "\u0000\u202E  \n "), Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        service.reader()
                                .createComment(
                                        comment(story, "ok").setAuthorName(" \u0000 ").build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(
                () ->
                        service.reader()
                                .createComment(
                                        comment(story, "ok").setEmail("not-an-address").build()),
                Status.Code.INVALID_ARGUMENT);

        // a + 900,000 spaces + a: refused by the body's budget where the call enters, at once;
        // within the budget the cleaning is linear, so 3,998 spaces cost nothing either
        long start = System.nanoTime();
        var spaces =
                assertStatus(
                        () -> post(story, "a" + " ".repeat(900_000) + "a"),
                        Status.Code.INVALID_ARGUMENT);
        long refusedIn = (System.nanoTime() - start) / 1_000_000;
        assertThat(spaces.getStatus().getDescription())
                .isEqualTo("body must be at most 4000 characters");
        assertThat(refusedIn).as("ms").isLessThan(1_000);
        var wide =
                assertStatus(
                        () -> post(story, "a" + " ".repeat(3_998) + "a"),
                        Status.Code.INVALID_ARGUMENT);
        assertThat(wide.getStatus().getDescription())
                .isEqualTo("body must be at most 2000 characters");

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT body FROM comment WHERE article_id = " + story)) {
            while (rs.next()) {
                assertThat(rs.getString(1)).doesNotContain("\u0000", "\u202E", "\u2066");
            }
        }
    }

    @Test
    void repliesNestUnderTheirParentUpToTheConfiguredDepth() {
        long story = articles.published("Threads");
        Comment top = approve(post(story, "Top").getId());
        Comment reply =
                approve(
                        service.reader()
                                .createComment(
                                        comment(story, "Reply").setParentId(top.getId()).build())
                                .getId());
        Comment deeper =
                approve(
                        service.reader()
                                .createComment(
                                        comment(story, "Deeper").setParentId(reply.getId()).build())
                                .getId());
        Comment deepest =
                approve(
                        service.reader()
                                .createComment(
                                        comment(story, "Deepest")
                                                .setParentId(deeper.getId())
                                                .build())
                                .getId());
        assertStatus(
                () ->
                        service.reader()
                                .createComment(
                                        comment(story, "Too deep")
                                                .setParentId(deepest.getId())
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
        Comment second = approve(post(story, "Second top").getId());

        long otherStory = articles.published("Other thread");
        assertStatus(
                () ->
                        service.reader()
                                .createComment(
                                        comment(otherStory, "Wrong story")
                                                .setParentId(top.getId())
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
        Comment pending = post(story, "Not approved yet");
        assertStatus(
                () ->
                        service.reader()
                                .createComment(
                                        comment(story, "Reply to hidden")
                                                .setParentId(pending.getId())
                                                .build()),
                Status.Code.INVALID_ARGUMENT);

        ListCommentsResponse thread =
                service.reader()
                        .listComments(ListCommentsRequest.newBuilder().setArticleId(story).build());
        assertThat(thread.getCommentsList())
                .extracting(Comment::getId)
                .containsExactly(top.getId(), second.getId());
        Comment first = thread.getComments(0);
        assertThat(first.getReplies(0).getBody()).isEqualTo("Reply");
        assertThat(first.getReplies(0).getReplies(0).getBody()).isEqualTo("Deeper");
        assertThat(first.getReplies(0).getReplies(0).getReplies(0).getBody()).isEqualTo("Deepest");
        assertThat(first.getReplies(0).getParentId()).isEqualTo(top.getId());
        assertThat(thread.getTotalCount()).isEqualTo(5);
    }

    @Test
    void threadsArePagedByTopLevelComment() {
        long story = articles.published("Paged thread");
        for (int i = 0; i < 5; i++) {
            approve(post(story, "Comment " + i).getId());
        }
        ListCommentsResponse first =
                service.reader()
                        .listComments(
                                ListCommentsRequest.newBuilder()
                                        .setArticleId(story)
                                        .setPageSize(3)
                                        .build());
        assertThat(first.getCommentsList())
                .extracting(Comment::getBody)
                .containsExactly("Comment 0", "Comment 1", "Comment 2");
        ListCommentsResponse second =
                service.reader()
                        .listComments(
                                ListCommentsRequest.newBuilder()
                                        .setArticleId(story)
                                        .setPageSize(3)
                                        .setPageToken(first.getNextPageToken())
                                        .build());
        assertThat(second.getCommentsList())
                .extracting(Comment::getBody)
                .containsExactly("Comment 3", "Comment 4");
        assertThat(second.getNextPageToken()).isEmpty();
        assertStatus(
                () ->
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .setPageToken("garbage")
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
    }
}
