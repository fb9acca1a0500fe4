package dev.newsroom.article.desk;

/**
 * Told about every committed change before the change is acknowledged, so caches in front of
 * the archive can drop what they hold (implemented by the Redis cache).
 */
public interface StoryChanges {
    void changed(long id, String slug, long version);
}
