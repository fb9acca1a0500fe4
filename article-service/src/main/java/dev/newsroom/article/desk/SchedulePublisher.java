package dev.newsroom.article.desk;

import dev.newsroom.article.domain.Story;
import dev.newsroom.article.store.StoryStore;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes SCHEDULED stories when their time comes. Every replica runs it; each story is
 * published by exactly one of them, because the publish is a conditional update on the
 * story's version under its row lock (the loser sees a newer version and skips it).
 */
@Singleton
public class SchedulePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulePublisher.class);

    private final StoryStore stories;
    private final StoryDesk desk;
    private final TransactionOperations<Connection> tx;
    private final DeskConfig config;

    public SchedulePublisher(
            StoryStore stories,
            StoryDesk desk,
            TransactionOperations<Connection> tx,
            DeskConfig config) {
        this.stories = stories;
        this.desk = desk;
        this.tx = tx;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${newsroom.article.schedule-interval}", initialDelay = "1s")
    void tick() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            LOG.warn("scheduled publishing failed; will retry on the next tick", e);
        }
    }

    /** Publishes every story that is due now; returns how many this replica published. */
    public int publishDue() {
        List<Story> due =
                tx.executeRead(s -> stories.dueScheduled(desk.now(), config.scheduleBatch()));
        int published = 0;
        for (Story story : due) {
            if (desk.publishIfDue(story)) {
                published++;
                LOG.info("published scheduled story {} ({})", story.id(), story.slug());
            }
        }
        return published;
    }
}
