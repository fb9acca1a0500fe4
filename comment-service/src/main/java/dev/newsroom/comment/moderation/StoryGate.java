package dev.newsroom.comment.moderation;

/** Looks a story up (the stories package asks article-service; tests give plain answers). */
@FunctionalInterface
public interface StoryGate {
    StoryState state(long articleId);
}
