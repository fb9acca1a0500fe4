package dev.newsroom.article.store;

import dev.newsroom.article.domain.StoryStatus;
import java.time.Instant;

/**
 * One page of a story list. Null filters are not applied. {@code byPublishTime} orders by
 * (publish_time, id) descending — the reader order; otherwise by id descending. The
 * {@code after…} fields are the keyset of the last item of the previous page.
 */
public record StoryQuery(
        StoryStatus status,
        String section,
        String language,
        String tag,
        boolean byPublishTime,
        Instant afterPublishTime,
        Long afterId,
        int limit) {}
