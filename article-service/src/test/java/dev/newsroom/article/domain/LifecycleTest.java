package dev.newsroom.article.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Story story(StoryStatus status, Instant publishTime, Instant scheduleTime) {
        return new Story(
                1,
                "s",
                "en",
                "world",
                List.of(),
                "h",
                "",
                "",
                "",
                status,
                NOW,
                publishTime,
                NOW,
                scheduleTime,
                3);
    }

    @Test
    void publishingADraftSetsTheFirstPublishTime() {
        Lifecycle.Step step =
                Lifecycle.publish(story(StoryStatus.DRAFT, null, null), null, NOW).orElseThrow();
        assertThat(step.story().status()).isEqualTo(StoryStatus.PUBLISHED);
        assertThat(step.story().publishTime()).isEqualTo(NOW);
        assertThat(step.change()).isEqualTo(Change.PUBLISH);
    }

    @Test
    void republishingKeepsTheFirstPublishTime() {
        Instant first = NOW.minusSeconds(86_400);
        Lifecycle.Step step =
                Lifecycle.publish(story(StoryStatus.DRAFT, first, null), null, NOW).orElseThrow();
        assertThat(step.story().publishTime()).isEqualTo(first);
    }

    @Test
    void aFutureTimeSchedules() {
        Instant later = NOW.plusSeconds(600);
        Lifecycle.Step step =
                Lifecycle.publish(story(StoryStatus.DRAFT, null, null), later, NOW).orElseThrow();
        assertThat(step.story().status()).isEqualTo(StoryStatus.SCHEDULED);
        assertThat(step.story().scheduleTime()).isEqualTo(later);
        assertThat(step.story().publishTime()).isNull();
    }

    @Test
    void aDueScheduledStoryIsPublishedAtItsScheduledTime() {
        Instant at = NOW.minusSeconds(1);
        Lifecycle.Step step =
                Lifecycle.publishDue(story(StoryStatus.SCHEDULED, null, at), NOW).orElseThrow();
        assertThat(step.story().status()).isEqualTo(StoryStatus.PUBLISHED);
        assertThat(step.story().publishTime()).isEqualTo(at);
        assertThat(step.story().scheduleTime()).isNull();
        assertThat(
                        Lifecycle.publishDue(
                                story(StoryStatus.SCHEDULED, null, NOW.plusSeconds(1)), NOW))
                .isEmpty();
    }

    @Test
    void withdrawnStoriesMustBeUnpublishedBeforePublishing() {
        assertThatThrownBy(
                        () -> Lifecycle.publish(story(StoryStatus.WITHDRAWN, NOW, null), null, NOW))
                .isInstanceOf(StoryException.IllegalTransition.class);
        assertThat(
                        Lifecycle.unpublish(story(StoryStatus.WITHDRAWN, NOW, null))
                                .orElseThrow()
                                .story()
                                .status())
                .isEqualTo(StoryStatus.DRAFT);
    }

    @Test
    void repeatedTransitionsAreNoOps() {
        assertThat(Lifecycle.publish(story(StoryStatus.PUBLISHED, NOW, null), null, NOW)).isEmpty();
        assertThat(Lifecycle.unpublish(story(StoryStatus.DRAFT, null, null))).isEmpty();
        assertThat(Lifecycle.withdraw(story(StoryStatus.WITHDRAWN, NOW, null))).isEmpty();
    }
}
