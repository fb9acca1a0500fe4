package dev.newsroom.comment.domain;

/** PRE: a moderator approves every comment before it shows. POST: shows at once, moderated after. */
public enum ModerationMode {
    PRE,
    POST
}
