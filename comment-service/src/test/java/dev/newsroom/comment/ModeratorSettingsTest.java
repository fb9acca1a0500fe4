package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.comment.v1.CommentSettings;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ModerateCommentRequest;
import dev.newsroom.proto.comment.v1.Moderation;
import dev.newsroom.proto.comment.v1.UpdateCommentSettingsRequest;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** "200 means done" for moderators: a settings answer means the settings are stored; over-long input is refused first. */
class ModeratorSettingsTest extends CommentServiceTest {

    @Test
    void aSettingsChangeThatAnswersIsStoredEvenForTheLongestSubjectTheGatewayForwards() {
        long story = articles.published("Closed by a long-named moderator");
        String subject =
                "m".repeat(256); // was over the 200-character column: answered, stored nothing
        CommentSettings answer =
                service.as(subject, "moderator")
                        .updateCommentSettings(
                                UpdateCommentSettingsRequest.newBuilder()
                                        .setArticleId(story)
                                        .setCommentsOpen(false)
                                        .setModeration(Moderation.POST)
                                        .build());
        assertThat(answer.getCommentsOpen()).isFalse();

        CommentSettings stored =
                service.reader()
                        .listComments(ListCommentsRequest.newBuilder().setArticleId(story).build())
                        .getSettings();
        assertThat(stored.getCommentsOpen()).isFalse();
        assertThat(stored.getModeration()).isEqualTo(Moderation.POST);
        assertStatus(() -> post(story, "Still closed?"), Status.Code.FAILED_PRECONDITION);

        // and the change of an existing row (the update, not the insert) by the same moderator
        service.as(subject, "moderator")
                .updateCommentSettings(
                        UpdateCommentSettingsRequest.newBuilder()
                                .setArticleId(story)
                                .setCommentsOpen(true)
                                .build());
        assertThat(
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .build())
                                .getSettings()
                                .getCommentsOpen())
                .isTrue();
    }

    @Test
    void aSubjectLongerThanStoredIsRefusedAndNothingChanges() {
        long story = articles.published("Subject too long");
        assertStatus(
                () ->
                        service.as("m".repeat(257), "moderator")
                                .updateCommentSettings(
                                        UpdateCommentSettingsRequest.newBuilder()
                                                .setArticleId(story)
                                                .setCommentsOpen(false)
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertThat(
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .build())
                                .getSettings()
                                .getCommentsOpen())
                .isTrue();
    }

    @Test
    void aReasonOverItsBudgetIsRefusedBeforeTheCommentIsTouched() {
        long story = articles.published("Long reasons");
        long id = post(story, "Waiting for a moderator").getId();
        assertStatus(
                () ->
                        moderator.approveComment(
                                ModerateCommentRequest.newBuilder()
                                        .setId(id)
                                        .setReason("r".repeat(2001))
                                        .build()),
                Status.Code.INVALID_ARGUMENT);
        assertThat(
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .build())
                                .getCommentsCount())
                .isZero();
        assertThat(approve(id).getId()).isEqualTo(id);
    }
}
