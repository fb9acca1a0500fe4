package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.article.v1.UnpublishArticleRequest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ListCommentsResponse;
import dev.newsroom.proto.comment.v1.ListRepliesRequest;
import dev.newsroom.proto.comment.v1.ListRepliesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounded answers: replies per comment capped with a cursor; no comments on a story withdrawn 2 s ago. */
class BoundedThreadsTest extends CommentServiceTest {

    @Test
    void aThreadPageShowsTheFirstRepliesOfEachCommentAndACursorForTheRest() {
        long story = articles.published("A busy thread");
        long top = approve(post(story, "The first word").getId()).getId();
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long parent = i == 3 ? replies.get(0) : top; // one nested reply: counted in its thread
            replies.add(
                    approve(
                                    service.reader()
                                            .createComment(
                                                    comment(story, "Reply " + i)
                                                            .setParentId(parent)
                                                            .build())
                                            .getId())
                            .getId());
        }
        long quiet = approve(post(story, "No replies here").getId()).getId();

        ListCommentsResponse page =
                service.reader()
                        .listComments(
                                ListCommentsRequest.newBuilder()
                                        .setArticleId(story)
                                        .setReplyLimit(3)
                                        .build());
        Comment first = page.getComments(0);
        assertThat(first.getId()).isEqualTo(top);
        assertThat(shownIds(first)).containsExactly(replies.get(0), replies.get(1), replies.get(2));
        assertThat(first.getMoreRepliesToken()).isNotEmpty();
        assertThat(page.getComments(1).getId()).isEqualTo(quiet);
        assertThat(page.getComments(1).getMoreRepliesToken()).isEmpty();

        ListRepliesResponse more =
                service.reader()
                        .listReplies(
                                ListRepliesRequest.newBuilder()
                                        .setCommentId(top)
                                        .setPageToken(first.getMoreRepliesToken())
                                        .setPageSize(2)
                                        .build());
        assertThat(more.getRepliesList())
                .extracting(Comment::getId)
                .containsExactly(replies.get(3), replies.get(4));
        assertThat(more.getReplies(0).getParentId()).isEqualTo(replies.get(0));
        ListRepliesResponse last =
                service.reader()
                        .listReplies(
                                ListRepliesRequest.newBuilder()
                                        .setCommentId(top)
                                        .setPageToken(more.getNextPageToken())
                                        .setPageSize(2)
                                        .build());
        assertThat(last.getRepliesList())
                .extracting(Comment::getId)
                .containsExactly(replies.get(5), replies.get(6));
        assertThat(last.getNextPageToken()).isEmpty();

        // the default shows 10, the cap is 50
        assertThat(
                        shownIds(
                                service.reader()
                                        .listComments(
                                                ListCommentsRequest.newBuilder()
                                                        .setArticleId(story)
                                                        .build())
                                        .getComments(0)))
                .hasSize(7);
        assertStatus(
                () ->
                        service.reader()
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .setReplyLimit(51)
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
        // a token of another thread is refused
        assertStatus(
                () ->
                        service.reader()
                                .listReplies(
                                        ListRepliesRequest.newBuilder()
                                                .setCommentId(quiet)
                                                .setPageToken(first.getMoreRepliesToken())
                                                .build()),
                Status.Code.INVALID_ARGUMENT);
    }

    private static List<Long> shownIds(Comment c) {
        List<Long> ids = new ArrayList<>();
        for (Comment r : c.getRepliesList()) {
            ids.add(r.getId());
            ids.addAll(shownIds(r));
        }
        ids.sort(Long::compare);
        return ids;
    }

    @Test
    void aStoryWithdrawnOrUnpublishedTakesNoCommentsTwoSecondsLater() throws Exception {
        long never = articles.draft("Never published");
        assertStatus(() -> post(never, "Hello?"), Status.Code.NOT_FOUND);
        long withdrawn = articles.published("Withdrawn soon");
        long unpublished = articles.published("Unpublished soon");
        post(withdrawn, "Before the withdrawal"); // the story is now known as published
        post(unpublished, "Before the unpublish");
        articles.withdraw(withdrawn);
        long withdrawnAt = System.nanoTime(); // when the 200 arrived
        articles.stub()
                .unpublishArticle(UnpublishArticleRequest.newBuilder().setId(unpublished).build());
        long unpublishedAt = System.nanoTime();
        for (long[] change :
                new long[][] {{withdrawn, withdrawnAt}, {unpublished, unpublishedAt}}) {
            long story = change[0];
            long changed = change[1];
            // accepted at most until 2 s after the change: refused from then on, 409
            Status.Code seen = null;
            while (seen == null && System.nanoTime() - changed < 2_000_000_000L) {
                try {
                    post(story, "Still open? " + System.nanoTime());
                    Thread.sleep(50);
                } catch (StatusRuntimeException e) {
                    seen = e.getStatus().getCode();
                }
            }
            long refusedAfter = (System.nanoTime() - changed) / 1_000_000;
            Thread.sleep(Math.max(0, 2_000 - (System.nanoTime() - changed) / 1_000_000));
            assertStatus(() -> post(story, "After the change"), Status.Code.FAILED_PRECONDITION);
            if (seen != null) {
                assertThat(seen).isEqualTo(Status.Code.FAILED_PRECONDITION);
            }
            System.out.println(
                    "story "
                            + story
                            + ": "
                            + (seen == null ? "accepted for " : "first refused ")
                            + refusedAfter
                            + " ms after the change, refused 2 s after it");
        }
    }
}
