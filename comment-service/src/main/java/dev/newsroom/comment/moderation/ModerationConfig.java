package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.ModerationMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** newsroom.comment.moderation in application.yml (each key is described there). */
@ConfigurationProperties("newsroom.comment.moderation")
public class ModerationConfig {
    private int maxBody = 2000;
    private int maxAuthorName = 100;
    private int maxEmail = 254;
    private Duration repeatWindow = Duration.ofMinutes(6);
    private List<String> bannedWords = new ArrayList<>();
    private List<String> suspectWords = new ArrayList<>();
    private int maxLinks = 2;
    private ModerationMode defaultMode = ModerationMode.PRE;
    private Map<String, ModerationMode> sectionModes = new HashMap<>();

    public int getMaxBody() {
        return maxBody;
    }

    public void setMaxBody(int maxBody) {
        this.maxBody = maxBody;
    }

    public int getMaxAuthorName() {
        return maxAuthorName;
    }

    public void setMaxAuthorName(int maxAuthorName) {
        this.maxAuthorName = maxAuthorName;
    }

    public int getMaxEmail() {
        return maxEmail;
    }

    public void setMaxEmail(int maxEmail) {
        this.maxEmail = maxEmail;
    }

    public Duration getRepeatWindow() {
        return repeatWindow;
    }

    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    public List<String> getBannedWords() {
        return bannedWords;
    }

    public void setBannedWords(List<String> bannedWords) {
        this.bannedWords = bannedWords;
    }

    public List<String> getSuspectWords() {
        return suspectWords;
    }

    public void setSuspectWords(List<String> suspectWords) {
        this.suspectWords = suspectWords;
    }

    public int getMaxLinks() {
        return maxLinks;
    }

    public void setMaxLinks(int maxLinks) {
        this.maxLinks = maxLinks;
    }

    public ModerationMode getDefaultMode() {
        return defaultMode;
    }

    public void setDefaultMode(ModerationMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    public Map<String, ModerationMode> getSectionModes() {
        return sectionModes;
    }

    public void setSectionModes(Map<String, ModerationMode> sectionModes) {
        this.sectionModes = sectionModes;
    }

    /** The mode of a story without settings of its own. */
    public ModerationMode modeFor(String section) {
        return sectionModes.getOrDefault(section == null ? "" : section, defaultMode);
    }
}
