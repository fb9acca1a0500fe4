package dev.newsroom.article.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The life cycle DRAFT → SCHEDULED → PUBLISHED → WITHDRAWN, and back to DRAFT by unpublish.
 * Each method returns the story's next state, or empty when the story is already there.
 */
public final class Lifecycle {
    private Lifecycle() {}

    /** A transition: the new state and what to record it as. */
    public record Step(Story story, Change change) {}

    /** Publishes now, or schedules when {@code at} lies after {@code now}. */
    public static Optional<Step> publish(Story s, Instant at, Instant now) {
        boolean later = at != null && at.isAfter(now);
        switch (s.status()) {
            case WITHDRAWN:
                throw new StoryException.IllegalTransition(
                        "a withdrawn story must be unpublished to a draft before it is published again");
            case PUBLISHED:
                if (later) {
                    throw new StoryException.IllegalTransition(
                            "the story is already published; unpublish it before scheduling it");
                }
                return Optional.empty();
            case DRAFT:
            case SCHEDULED:
            default:
                if (later) {
                    if (s.status() == StoryStatus.SCHEDULED && at.equals(s.scheduleTime())) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            new Step(
                                    s.withState(StoryStatus.SCHEDULED, s.publishTime(), at),
                                    Change.SCHEDULE));
                }
                Instant first = s.publishTime() != null ? s.publishTime() : now;
                return Optional.of(
                        new Step(s.withState(StoryStatus.PUBLISHED, first, null), Change.PUBLISH));
        }
    }

    /** The scheduler's step: a SCHEDULED story whose time has come goes live at that time. */
    public static Optional<Step> publishDue(Story s, Instant now) {
        if (s.status() != StoryStatus.SCHEDULED
                || s.scheduleTime() == null
                || s.scheduleTime().isAfter(now)) {
            return Optional.empty();
        }
        Instant first = s.publishTime() != null ? s.publishTime() : s.scheduleTime();
        return Optional.of(
                new Step(s.withState(StoryStatus.PUBLISHED, first, null), Change.PUBLISH));
    }

    public static Optional<Step> unpublish(Story s) {
        if (s.status() == StoryStatus.DRAFT) {
            return Optional.empty();
        }
        return Optional.of(
                new Step(s.withState(StoryStatus.DRAFT, s.publishTime(), null), Change.UNPUBLISH));
    }

    public static Optional<Step> withdraw(Story s) {
        if (s.status() == StoryStatus.WITHDRAWN) {
            return Optional.empty();
        }
        return Optional.of(
                new Step(
                        s.withState(StoryStatus.WITHDRAWN, s.publishTime(), null),
                        Change.WITHDRAW));
    }
}
