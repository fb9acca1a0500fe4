package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentSettings;

/**
 * What the pipeline needs to know about the story: is it published, was it published when
 * this service last asked (now withdrawn or unpublished), and its comment settings.
 */
public record StoryState(boolean published, boolean noLongerPublished, CommentSettings settings) {

    public StoryState(boolean published, CommentSettings settings) {
        this(published, false, settings);
    }
}
