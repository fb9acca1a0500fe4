package dev.newsroom.article.domain;

/** Where a story is in its life cycle. */
public enum StoryStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    WITHDRAWN
}
