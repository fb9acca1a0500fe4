package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.ModerationMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * newsroom.comment.moderation in application.yml (the defaults are there, each key described).
 * An empty word list or section map may be absent.
 */
@ConfigurationProperties("newsroom.comment.moderation")
public record ModerationConfig(
        int maxBody,
        int maxAuthorName,
        int maxEmail,
        Duration repeatWindow,
        @Nullable List<String> bannedWords,
        @Nullable List<String> suspectWords,
        int maxLinks,
        ModerationMode defaultMode,
        @Nullable Map<String, ModerationMode> sectionModes) {

    public ModerationConfig {
        bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
        suspectWords = suspectWords == null ? List.of() : List.copyOf(suspectWords);
        sectionModes = sectionModes == null ? Map.of() : Map.copyOf(sectionModes);
    }

    /** The mode of a story without settings of its own. */
    public ModerationMode modeFor(String section) {
        return sectionModes.getOrDefault(section == null ? "" : section, defaultMode);
    }
}
