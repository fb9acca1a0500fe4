package dev.newsroom.article.domain;

import java.time.Instant;

/** One entry of the change feed: a change and the story after it. */
public record StoryEvent(long sequence, Change change, Instant eventTime, Story story) {}
