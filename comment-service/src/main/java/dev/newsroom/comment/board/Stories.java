package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.moderation.ModerationConfig;
import dev.newsroom.comment.moderation.StoryGate;
import dev.newsroom.comment.moderation.StoryState;
import dev.newsroom.comment.store.SettingsStore;
import dev.newsroom.comment.stories.ArticleDirectory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;

/** A story as comments see it: published or not (article-service) and its comment settings (ours). */
@Singleton
public class Stories implements StoryGate {
    private final ArticleDirectory articles;
    private final SettingsStore settings;
    private final ModerationConfig moderation;
    private final TransactionOperations<Connection> tx;

    public Stories(
            ArticleDirectory articles,
            SettingsStore settings,
            ModerationConfig moderation,
            TransactionOperations<Connection> tx) {
        this.articles = articles;
        this.settings = settings;
        this.moderation = moderation;
        this.tx = tx;
    }

    @Override
    public StoryState state(long articleId) {
        Optional<String> section = articles.publishedSection(articleId);
        return new StoryState(
                section.isPresent(),
                section.isEmpty() && articles.wasPublished(articleId),
                settings(articleId, section.orElse(null)));
    }

    /** For reading: a story article-service cannot vouch for right now still shows its comments. */
    public StoryState stateForReading(long articleId) {
        try {
            return state(articleId);
        } catch (CommentException.Unavailable e) {
            return new StoryState(true, settings(articleId, null));
        }
    }

    /** The story's own settings, or the defaults of its section. */
    CommentSettings settings(long articleId, String section) {
        return tx.executeRead(s -> settings.find(articleId))
                .orElseGet(() -> new CommentSettings(articleId, true, moderation.modeFor(section)));
    }

    /** The section when article-service knows the story as published, else null. */
    String sectionIfKnown(long articleId) {
        try {
            return articles.publishedSection(articleId).orElse(null);
        } catch (CommentException.Unavailable e) {
            return null;
        }
    }
}
