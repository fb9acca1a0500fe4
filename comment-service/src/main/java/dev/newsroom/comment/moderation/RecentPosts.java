package dev.newsroom.comment.moderation;

import java.time.Instant;

/** Whether a client already posted a text (by its fingerprint) since a moment. */
@FunctionalInterface
public interface RecentPosts {
    boolean postedSince(String clientHash, String textKey, Instant since);
}
