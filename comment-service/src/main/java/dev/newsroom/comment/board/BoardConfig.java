package dev.newsroom.comment.board;

import io.micronaut.context.annotation.ConfigurationProperties;

/** newsroom.comment (threads and lists) in application.yml (each key is described there). */
@ConfigurationProperties("newsroom.comment")
public class BoardConfig {
    private int maxDepth = 3;
    private int defaultPageSize = 20;
    private int maxPageSize = 100;
    private int maxCountIds = 100;
    private int maxReason = 500;

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public int getMaxCountIds() {
        return maxCountIds;
    }

    public void setMaxCountIds(int maxCountIds) {
        this.maxCountIds = maxCountIds;
    }

    public int getMaxReason() {
        return maxReason;
    }

    public void setMaxReason(int maxReason) {
        this.maxReason = maxReason;
    }

    /** A requested page size, defaulted and checked. */
    int pageSize(int requested) {
        if (requested == 0) {
            return defaultPageSize;
        }
        if (requested < 0 || requested > maxPageSize) {
            throw dev.newsroom.comment.domain.CommentException.Invalid.of("pageSize", "must be between 1 and " + maxPageSize);
        }
        return requested;
    }
}
