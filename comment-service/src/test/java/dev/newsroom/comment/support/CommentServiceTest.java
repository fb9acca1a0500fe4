package dev.newsroom.comment.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.CommentServiceGrpc.CommentServiceBlockingStub;
import dev.newsroom.proto.comment.v1.CreateCommentRequest;
import dev.newsroom.proto.comment.v1.ModerateCommentRequest;
import dev.newsroom.testing.ArticleDesk;
import dev.newsroom.testing.ServiceProcess;
import dev.newsroom.testing.TestPostgres;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class sharing one comment-service (fresh schema, real Redis) in front of the JVM's
 * real article-service. Subclasses may raise limits through {@link #settings()}.
 */
public abstract class CommentServiceTest {
    /** An editor at the JVM's article-service: stories to comment on. */
    protected static ArticleDesk articles;

    protected static TestPostgres.Schema db;
    protected static RunningCommentService service;
    protected static CommentServiceBlockingStub moderator;

    @BeforeAll
    static void startService() {
        ServiceProcess articleService = ServiceProcess.sharedArticles();
        articles = new ArticleDesk(articleService.grpcAddress(), "editor-1");
        db = TestPostgres.freshSchema();
        service =
                new RunningCommentService(
                        db,
                        articleService.grpcAddress(),
                        Map.of(
                                "newsroom.comment.rate-limit.story-burst", 1000,
                                "newsroom.comment.rate-limit.story-per-minute", 6000));
        moderator = service.moderator();
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.drop();
        }
        if (articles != null) {
            articles.close();
        }
    }

    protected static CreateCommentRequest.Builder comment(long articleId, String body) {
        return CreateCommentRequest.newBuilder()
                .setArticleId(articleId)
                .setAuthorName("Sara")
                .setBody(body);
    }

    protected static Comment post(long articleId, String body) {
        return service.reader().createComment(comment(articleId, body).build());
    }

    protected static Comment approve(long id) {
        return moderator
                .approveComment(
                        ModerateCommentRequest.newBuilder().setId(id).setReason("fine").build())
                .getComment();
    }

    protected static StatusRuntimeException assertStatus(ThrowingCallable call, Status.Code code) {
        StatusRuntimeException[] caught = new StatusRuntimeException[1];
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            caught[0] = e;
                            org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode())
                                    .as(e.getStatus().toString())
                                    .isEqualTo(code);
                        });
        return caught[0];
    }
}
