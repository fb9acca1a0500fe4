package dev.newsroom.comment.domain;

import java.time.Instant;

/**
 * A stored comment. {@code parentId} is 0 for a top-level comment; {@code rootId} is the
 * top-level comment of its thread (itself for a top-level one), {@code depth} 0 at the top.
 * {@code email} is for moderators only; {@code clientHash} is the gateway's client fingerprint.
 */
public record Comment(
        long id,
        long articleId,
        long parentId,
        long rootId,
        int depth,
        String authorName,
        String email,
        String body,
        CommentStatus status,
        Instant createTime,
        String clientHash) {

    public Comment withStatus(CommentStatus newStatus) {
        return new Comment(
                id,
                articleId,
                parentId,
                rootId,
                depth,
                authorName,
                email,
                body,
                newStatus,
                createTime,
                clientHash);
    }
}
