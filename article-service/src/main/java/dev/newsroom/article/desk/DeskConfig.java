package dev.newsroom.article.desk;

import dev.newsroom.article.domain.StoryRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.article.* in application.yml: limits and paging the editorial desk applies. */
@ConfigurationProperties("newsroom.article")
public class DeskConfig {
    private int defaultPageSize = 20;
    private int maxPageSize = 100;
    private int maxHeadline = 300;
    private int maxLead = 2_000;
    private int maxBody = 300_000;
    private int maxAuthor = 200;
    private int maxTags = 20;
    private int maxTag = 50;
    private Duration scheduleInterval = Duration.ofSeconds(1);
    private int scheduleBatch = 100;

    public StoryRules.Limits limits() {
        return new StoryRules.Limits(maxHeadline, maxLead, maxBody, maxAuthor, maxTags, maxTag);
    }

    public int getDefaultPageSize() { return defaultPageSize; }
    public void setDefaultPageSize(int v) { defaultPageSize = v; }
    public int getMaxPageSize() { return maxPageSize; }
    public void setMaxPageSize(int v) { maxPageSize = v; }
    public int getMaxHeadline() { return maxHeadline; }
    public void setMaxHeadline(int v) { maxHeadline = v; }
    public int getMaxLead() { return maxLead; }
    public void setMaxLead(int v) { maxLead = v; }
    public int getMaxBody() { return maxBody; }
    public void setMaxBody(int v) { maxBody = v; }
    public int getMaxAuthor() { return maxAuthor; }
    public void setMaxAuthor(int v) { maxAuthor = v; }
    public int getMaxTags() { return maxTags; }
    public void setMaxTags(int v) { maxTags = v; }
    public int getMaxTag() { return maxTag; }
    public void setMaxTag(int v) { maxTag = v; }
    public Duration getScheduleInterval() { return scheduleInterval; }
    public void setScheduleInterval(Duration v) { scheduleInterval = v; }
    public int getScheduleBatch() { return scheduleBatch; }
    public void setScheduleBatch(int v) { scheduleBatch = v; }
}
