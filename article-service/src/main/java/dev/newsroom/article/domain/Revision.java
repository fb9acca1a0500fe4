package dev.newsroom.article.domain;

import java.time.Instant;

/** One stored change: who did what, when, and the whole story as it was afterwards. */
public record Revision(
        long version, Change change, String editor, Instant createTime, Story story) {}
