package dev.newsroom.article.desk;

import dev.newsroom.article.domain.StoryRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * newsroom.article.* in application.yml (the defaults are there, each key described): limits
 * and paging the editorial desk applies, and the schedule publisher's pace.
 */
@ConfigurationProperties("newsroom.article")
public record DeskConfig(
        int defaultPageSize,
        int maxPageSize,
        int maxHeadline,
        int maxLead,
        int maxBody,
        int maxAuthor,
        int maxTags,
        int maxTag,
        Duration scheduleInterval,
        int scheduleBatch) {

    public StoryRules.Limits limits() {
        return new StoryRules.Limits(maxHeadline, maxLead, maxBody, maxAuthor, maxTags, maxTag);
    }
}
