package dev.newsroom.comment.api;

import com.google.protobuf.Timestamp;
import dev.newsroom.comment.board.CommentThread;
import dev.newsroom.comment.board.ModeratorDesk;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import dev.newsroom.comment.domain.ModerationMode;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.ModeratedComment;
import dev.newsroom.proto.comment.v1.Moderation;
import java.time.Instant;

/**
 * Domain ⇄ proto. The reader-facing {@link Comment} has no e-mail field at all, so no mapping
 * can leak it; only {@link #moderated} adds it, for moderators.
 */
final class Protos {
    private Protos() {}

    static Comment comment(dev.newsroom.comment.domain.Comment c) {
        return Comment.newBuilder()
                .setId(c.id())
                .setArticleId(c.articleId())
                .setParentId(c.parentId())
                .setAuthorName(c.authorName())
                .setBody(c.body())
                .setStatus(status(c.status()))
                .setCreateTime(timestamp(c.createTime()))
                .build();
    }

    static Comment thread(CommentThread t) {
        Comment.Builder b = comment(t.comment()).toBuilder();
        t.replies().forEach(r -> b.addReplies(thread(r)));
        return b.build();
    }

    static ModeratedComment moderated(ModeratorDesk.Moderated m) {
        ModeratedComment.Builder b =
                ModeratedComment.newBuilder()
                        .setComment(comment(m.comment()))
                        .setEmail(m.comment().email());
        for (ModerationEvent e : m.history()) {
            b.addHistoryBuilder()
                    .setAction(e.action())
                    .setActor(e.actor())
                    .setReason(e.reason())
                    .setStatus(status(e.status()))
                    .setTime(timestamp(e.time()));
        }
        return b.build();
    }

    static dev.newsroom.proto.comment.v1.CommentSettings settings(CommentSettings s) {
        return dev.newsroom.proto.comment.v1.CommentSettings.newBuilder()
                .setArticleId(s.articleId())
                .setCommentsOpen(s.commentsOpen())
                .setModeration(s.mode() == ModerationMode.POST ? Moderation.POST : Moderation.PRE)
                .build();
    }

    static Comment.Status status(CommentStatus s) {
        return Comment.Status.valueOf(s.name());
    }

    /** The domain status of a proto status; null for unspecified or unknown values. */
    static CommentStatus status(Comment.Status s) {
        return switch (s) {
            case PENDING -> CommentStatus.PENDING;
            case APPROVED -> CommentStatus.APPROVED;
            case REJECTED -> CommentStatus.REJECTED;
            case SPAM -> CommentStatus.SPAM;
            default -> null;
        };
    }

    /** The domain mode of a proto mode; null for "keep the current one". */
    static ModerationMode mode(Moderation m) {
        return switch (m) {
            case PRE -> ModerationMode.PRE;
            case POST -> ModerationMode.POST;
            default -> null;
        };
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
