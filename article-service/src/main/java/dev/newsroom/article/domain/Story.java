package dev.newsroom.article.domain;

import java.time.Instant;
import java.util.List;

/**
 * A story as stored: the editorial fields plus its life-cycle state.
 * {@code publishTime} is the first publication and survives unpublish/republish;
 * {@code scheduleTime} is set only while SCHEDULED.
 */
public record Story(
        long id,
        String slug,
        String language,
        String section,
        List<String> tags,
        String headline,
        String lead,
        String body,
        String author,
        StoryStatus status,
        Instant createTime,
        Instant publishTime,
        Instant updateTime,
        Instant scheduleTime,
        long version) {

    public Story {
        tags = List.copyOf(tags);
    }

    public boolean everPublished() {
        return publishTime != null;
    }

    public boolean visibleToReaders() {
        return status == StoryStatus.PUBLISHED;
    }

    public Story withContent(StoryContent c) {
        return new Story(
                id,
                slug,
                c.language(),
                c.section(),
                c.tags(),
                c.headline(),
                c.lead(),
                c.body(),
                c.author(),
                status,
                createTime,
                publishTime,
                updateTime,
                scheduleTime,
                version);
    }

    public Story withSlug(String newSlug) {
        return new Story(
                id,
                newSlug,
                language,
                section,
                tags,
                headline,
                lead,
                body,
                author,
                status,
                createTime,
                publishTime,
                updateTime,
                scheduleTime,
                version);
    }

    public Story withState(StoryStatus newStatus, Instant newPublishTime, Instant newScheduleTime) {
        return new Story(
                id,
                slug,
                language,
                section,
                tags,
                headline,
                lead,
                body,
                author,
                newStatus,
                createTime,
                newPublishTime,
                updateTime,
                newScheduleTime,
                version);
    }

    /** The next version, changed at {@code now}. */
    public Story bumped(Instant now) {
        return new Story(
                id,
                slug,
                language,
                section,
                tags,
                headline,
                lead,
                body,
                author,
                status,
                createTime,
                publishTime,
                now,
                scheduleTime,
                version + 1);
    }

    public StoryContent content() {
        return new StoryContent(language, section, tags, headline, lead, body, author);
    }
}
