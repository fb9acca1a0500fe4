package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentSettings;

/** What the pipeline needs to know about the story: is it published, and its comment settings. */
public record StoryState(boolean published, CommentSettings settings) {
}
