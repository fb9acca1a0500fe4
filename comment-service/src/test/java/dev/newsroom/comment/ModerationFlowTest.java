package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.CountCommentsRequest;
import dev.newsroom.proto.comment.v1.CountCommentsResponse;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ListCommentsResponse;
import dev.newsroom.proto.comment.v1.ListModerationQueueRequest;
import dev.newsroom.proto.comment.v1.ModerateCommentRequest;
import dev.newsroom.proto.comment.v1.ModeratedComment;
import io.grpc.Status;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Approve / reject / spam, the queue, counts after every action, and e-mail privacy. */
class ModerationFlowTest extends CommentServiceTest {

    @Test
    void pendingCommentShowsOnlyAfterApprovalAndCountsFollowEveryAction() {
        long story = articles.published("Moderated story");
        Comment posted =
                service.reader()
                        .createComment(
                                comment(story, "First!").setEmail("sara@example.org").build());
        assertThat(posted.getStatus()).isEqualTo(Comment.Status.PENDING);
        assertThat(thread(story).getCommentsList()).isEmpty();
        assertThat(count(story)).isZero();

        ModeratedComment approved =
                moderator.approveComment(
                        ModerateCommentRequest.newBuilder()
                                .setId(posted.getId())
                                .setReason("on topic")
                                .build());
        assertThat(approved.getComment().getStatus()).isEqualTo(Comment.Status.APPROVED);
        assertThat(approved.getHistoryList())
                .extracting(e -> e.getAction() + "/" + e.getActor() + "/" + e.getReason())
                .containsExactly("posted/pipeline/pre-moderation", "approve/mod-1/on topic");
        assertThat(thread(story).getCommentsList())
                .extracting(Comment::getBody)
                .containsExactly("First!");
        assertThat(count(story)).isEqualTo(1);

        moderator.rejectComment(
                ModerateCommentRequest.newBuilder()
                        .setId(posted.getId())
                        .setReason("changed my mind")
                        .build());
        assertThat(thread(story).getCommentsList()).isEmpty();
        assertThat(count(story)).isZero();

        Comment spam = post(story, "Buy things");
        moderator.markCommentSpam(ModerateCommentRequest.newBuilder().setId(spam.getId()).build());
        assertThat(thread(story).getTotalCount()).isZero();
        assertThat(count(story)).isZero();
    }

    @Test
    void queueShowsModeratorsTheEmailAndReadersNeverSeeIt() throws Exception {
        long story = articles.published("E-mail privacy");
        Comment posted =
                service.reader()
                        .createComment(
                                comment(story, "Private address")
                                        .setEmail("secret@example.org")
                                        .build());
        assertThat(JsonFormat.printer().print(posted)).doesNotContain("secret@example.org");

        var queue =
                moderator.listModerationQueue(
                        ListModerationQueueRequest.newBuilder().setArticleId(story).build());
        assertThat(queue.getCommentsList())
                .extracting(ModeratedComment::getEmail)
                .containsExactly("secret@example.org");

        approve(posted.getId());
        assertThat(JsonFormat.printer().print(thread(story)))
                .doesNotContain("secret@example.org")
                .contains("Private address");
        assertStatus(
                () ->
                        service.reader()
                                .listModerationQueue(
                                        ListModerationQueueRequest.newBuilder().build()),
                Status.Code.UNAUTHENTICATED);
        assertStatus(
                () ->
                        service.as("e", "editor")
                                .approveComment(
                                        ModerateCommentRequest.newBuilder()
                                                .setId(posted.getId())
                                                .build()),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void queueFiltersByStatus() {
        long story = articles.published("Queue filters");
        Comment a = post(story, "One");
        Comment b = post(story, "Two");
        moderator.markCommentSpam(
                ModerateCommentRequest.newBuilder().setId(b.getId()).setReason("ads").build());
        var pending =
                moderator.listModerationQueue(
                        ListModerationQueueRequest.newBuilder().setArticleId(story).build());
        assertThat(pending.getCommentsList())
                .extracting(m -> m.getComment().getId())
                .containsExactly(a.getId());
        var spam =
                moderator.listModerationQueue(
                        ListModerationQueueRequest.newBuilder()
                                .setArticleId(story)
                                .setStatus(Comment.Status.SPAM)
                                .build());
        assertThat(spam.getCommentsList())
                .extracting(m -> m.getComment().getId())
                .containsExactly(b.getId());
        assertStatus(
                () ->
                        moderator.approveComment(
                                ModerateCommentRequest.newBuilder().setId(987654321L).build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void countsComeInBatchesOfUpToAHundredStories() {
        long one = articles.published("Count one");
        long two = articles.published("Count two");
        approve(post(one, "a").getId());
        approve(post(one, "b").getId());
        approve(post(two, "c").getId());
        CountCommentsResponse counts =
                service.reader()
                        .countComments(
                                CountCommentsRequest.newBuilder()
                                        .addArticleIds(two)
                                        .addArticleIds(one)
                                        .addArticleIds(424242)
                                        .build());
        assertThat(counts.getCountsList())
                .extracting(c -> c.getArticleId() + "=" + c.getCount())
                .containsExactly(two + "=1", one + "=2", "424242=0");

        CountCommentsRequest.Builder tooMany = CountCommentsRequest.newBuilder();
        LongStream.rangeClosed(1, 101).forEach(tooMany::addArticleIds);
        assertStatus(
                () -> service.reader().countComments(tooMany.build()),
                Status.Code.INVALID_ARGUMENT);
    }

    private static ListCommentsResponse thread(long story) {
        return service.reader()
                .listComments(ListCommentsRequest.newBuilder().setArticleId(story).build());
    }

    private static long count(long story) {
        return service.reader()
                .countComments(CountCommentsRequest.newBuilder().addArticleIds(story).build())
                .getCounts(0)
                .getCount();
    }
}
