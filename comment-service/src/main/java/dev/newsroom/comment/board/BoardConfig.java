package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.CommentException;
import io.micronaut.context.annotation.ConfigurationProperties;

/** newsroom.comment (threads and lists) in application.yml (the defaults are there, each key described). */
@ConfigurationProperties("newsroom.comment")
public record BoardConfig(
        int maxDepth,
        int defaultPageSize,
        int maxPageSize,
        int maxCountIds,
        int maxReason,
        int defaultReplies,
        int maxReplies) {

    /** A requested page size, defaulted and checked. */
    int pageSize(int requested) {
        if (requested == 0) {
            return defaultPageSize;
        }
        if (requested < 0 || requested > maxPageSize) {
            throw CommentException.Invalid.of("pageSize", "must be between 1 and " + maxPageSize);
        }
        return requested;
    }

    /** Replies shown per top-level comment on a thread page, defaulted and checked. */
    int replyLimit(int requested) {
        if (requested == 0) {
            return defaultReplies;
        }
        if (requested < 0 || requested > maxReplies) {
            throw CommentException.Invalid.of("replyLimit", "must be between 1 and " + maxReplies);
        }
        return requested;
    }
}
