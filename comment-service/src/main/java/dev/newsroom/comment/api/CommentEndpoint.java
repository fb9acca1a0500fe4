package dev.newsroom.comment.api;

import dev.newsroom.comment.board.CommentBoard;
import dev.newsroom.comment.board.ModeratorDesk;
import dev.newsroom.comment.board.NewComment;
import dev.newsroom.comment.board.Page;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.CommentServiceGrpc;
import dev.newsroom.proto.comment.v1.CommentSettings;
import dev.newsroom.proto.comment.v1.CountCommentsRequest;
import dev.newsroom.proto.comment.v1.CountCommentsResponse;
import dev.newsroom.proto.comment.v1.CreateCommentRequest;
import dev.newsroom.proto.comment.v1.ListCommentsRequest;
import dev.newsroom.proto.comment.v1.ListCommentsResponse;
import dev.newsroom.proto.comment.v1.ListModerationQueueRequest;
import dev.newsroom.proto.comment.v1.ListModerationQueueResponse;
import dev.newsroom.proto.comment.v1.ListRepliesRequest;
import dev.newsroom.proto.comment.v1.ListRepliesResponse;
import dev.newsroom.proto.comment.v1.ModerateCommentRequest;
import dev.newsroom.proto.comment.v1.ModeratedComment;
import dev.newsroom.proto.comment.v1.UpdateCommentSettingsRequest;
import dev.newsroom.service.Caller;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** CommentService over gRPC: maps requests, checks roles, calls the board or the moderator desk. */
@Singleton
public class CommentEndpoint extends CommentServiceGrpc.CommentServiceImplBase {
    private final CommentBoard board;
    private final ModeratorDesk desk;

    public CommentEndpoint(CommentBoard board, ModeratorDesk desk) {
        this.board = board;
        this.desk = desk;
    }

    @Override
    public void listComments(ListCommentsRequest r, StreamObserver<ListCommentsResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    CommentBoard.ThreadPage page =
                            board.thread(
                                    r.getArticleId(),
                                    r.getPageSize(),
                                    r.getPageToken(),
                                    r.getReplyLimit());
                    ListCommentsResponse.Builder b =
                            ListCommentsResponse.newBuilder()
                                    .setTotalCount(page.totalCount())
                                    .setSettings(Protos.settings(page.settings()))
                                    .setNextPageToken(page.nextPageToken());
                    page.threads()
                            .forEach(
                                    t ->
                                            b.addComments(
                                                    Protos.thread(t).toBuilder()
                                                            .setMoreRepliesToken(
                                                                    page.moreReplies()
                                                                            .getOrDefault(
                                                                                    t.comment()
                                                                                            .id(),
                                                                                    ""))));
                    return b.build();
                });
    }

    @Override
    public void listReplies(ListRepliesRequest r, StreamObserver<ListRepliesResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Page<dev.newsroom.comment.domain.Comment> page =
                            board.replies(r.getCommentId(), r.getPageSize(), r.getPageToken());
                    ListRepliesResponse.Builder b =
                            ListRepliesResponse.newBuilder().setNextPageToken(page.nextPageToken());
                    page.items().forEach(c -> b.addReplies(Protos.comment(c)));
                    return b.build();
                });
    }

    @Override
    public void countComments(CountCommentsRequest r, StreamObserver<CountCommentsResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    CountCommentsResponse.Builder b = CountCommentsResponse.newBuilder();
                    board.counts(r.getArticleIdsList())
                            .forEach((id, n) -> b.addCountsBuilder().setArticleId(id).setCount(n));
                    return b.build();
                });
    }

    @Override
    public void createComment(CreateCommentRequest r, StreamObserver<Comment> out) {
        GrpcErrors.unary(
                out,
                () ->
                        Protos.comment(
                                board.post(
                                        new NewComment(
                                                r.getArticleId(),
                                                r.getParentId(),
                                                r.getAuthorName(),
                                                r.getEmail(),
                                                r.getBody(),
                                                Caller.current().client()))));
    }

    @Override
    public void listModerationQueue(
            ListModerationQueueRequest r, StreamObserver<ListModerationQueueResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Caller.current().require(Caller.MODERATOR);
                    CommentStatus status =
                            r.getStatus() == Comment.Status.STATUS_UNSPECIFIED
                                    ? CommentStatus.PENDING
                                    : Protos.status(r.getStatus());
                    if (status == null) {
                        throw GrpcErrors.invalid("status", "is not a comment status");
                    }
                    Page<ModeratorDesk.Moderated> page =
                            desk.queue(status, r.getArticleId(), r.getPageSize(), r.getPageToken());
                    ListModerationQueueResponse.Builder b =
                            ListModerationQueueResponse.newBuilder()
                                    .setNextPageToken(page.nextPageToken());
                    page.items().forEach(m -> b.addComments(Protos.moderated(m)));
                    return b.build();
                });
    }

    @Override
    public void approveComment(ModerateCommentRequest r, StreamObserver<ModeratedComment> out) {
        moderate(r, CommentStatus.APPROVED, "approve", out);
    }

    @Override
    public void rejectComment(ModerateCommentRequest r, StreamObserver<ModeratedComment> out) {
        moderate(r, CommentStatus.REJECTED, "reject", out);
    }

    @Override
    public void markCommentSpam(ModerateCommentRequest r, StreamObserver<ModeratedComment> out) {
        moderate(r, CommentStatus.SPAM, "spam", out);
    }

    private void moderate(
            ModerateCommentRequest r,
            CommentStatus target,
            String action,
            StreamObserver<ModeratedComment> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Caller moderator = Caller.current().require(Caller.MODERATOR);
                    return Protos.moderated(
                            desk.moderate(
                                    r.getId(), target, action, moderator.subject(), r.getReason()));
                });
    }

    @Override
    public void updateCommentSettings(
            UpdateCommentSettingsRequest r, StreamObserver<CommentSettings> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Caller moderator = Caller.current().require(Caller.MODERATOR);
                    Boolean open = r.hasCommentsOpen() ? r.getCommentsOpen() : null;
                    return Protos.settings(
                            desk.updateSettings(
                                    r.getArticleId(),
                                    open,
                                    Protos.mode(r.getModeration()),
                                    moderator.subject()));
                });
    }
}
