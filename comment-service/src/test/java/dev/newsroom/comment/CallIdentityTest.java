package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ListModerationQueueRequest;
import dev.newsroom.testing.TestIdentity;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A raw gRPC call to comment-service's port with the identity headers the gateway used to
 * forward (any caller could send them) gets the moderation queue no more: only a call token
 * signed for comment-service counts (docs/security.md, "Identity between services").
 */
class CallIdentityTest extends CommentServiceTest {

    private static ClientInterceptor forged() {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER), "mallory");
        md.put(Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER), "admin");
        return MetadataUtils.newAttachHeadersInterceptor(md);
    }

    @Test
    void theForgedModeratorGetsUnauthenticated() {
        ListModerationQueueRequest queue = ListModerationQueueRequest.getDefaultInstance();
        assertStatus(
                () -> service.stub(forged()).listModerationQueue(queue),
                Status.Code.UNAUTHENTICATED);
        assertStatus(() -> service.stub().listModerationQueue(queue), Status.Code.UNAUTHENTICATED);
        String forArticles =
                TestIdentity.tokens()
                        .sign(
                                "gateway",
                                "article-service",
                                "mod-1",
                                List.of("moderator"),
                                "c",
                                Duration.ofSeconds(30));
        assertStatus(
                () -> service.stub(TestIdentity.withToken(forArticles)).listModerationQueue(queue),
                Status.Code.UNAUTHENTICATED);
        assertThat(moderator.listModerationQueue(queue)).isNotNull();
    }

    @Test
    void aPublicReadWithoutATokenIsStillAnswered() {
        long story = articles.published("Read without a token");
        approve(post(story, "Visible to all").getId());
        assertThat(
                        service.stub(forged())
                                .listComments(
                                        ListCommentsRequest.newBuilder()
                                                .setArticleId(story)
                                                .build())
                                .getCommentsList())
                .extracting(Comment::getBody)
                .containsExactly("Visible to all");
    }
}
