package dev.newsroom.article.desk;

import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Lifecycle;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.Slugs;
import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryContent;
import dev.newsroom.article.domain.StoryException;
import dev.newsroom.article.domain.StoryRules;
import dev.newsroom.article.domain.StoryStatus;
import dev.newsroom.article.store.FeedStore;
import dev.newsroom.article.store.RevisionStore;
import dev.newsroom.article.store.StoryStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The editorial desk: every change reads the story under a row lock, applies the domain's
 * rules, and writes the story, its revision and its feed event in one transaction.
 */
@Singleton
public class StoryDesk {
    private final StoryStore stories;
    private final RevisionStore revisions;
    private final FeedStore feed;
    private final Sections sections;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final StoryRules rules;
    private final FeedSignal signal;
    private final StoryChanges changes;

    public StoryDesk(
            StoryStore stories,
            RevisionStore revisions,
            FeedStore feed,
            Sections sections,
            TransactionOperations<Connection> tx,
            Clock clock,
            DeskConfig config,
            FeedSignal signal,
            StoryChanges changes) {
        this.changes = changes;
        this.stories = stories;
        this.revisions = revisions;
        this.feed = feed;
        this.sections = sections;
        this.tx = tx;
        this.clock = clock;
        this.rules = new StoryRules(config.limits());
        this.signal = signal;
    }

    public Story create(StoryContent content, String requestedSlug, Editor editor) {
        StoryContent clean = rules.check(content, sections.ids());
        if (!requestedSlug.isEmpty() && !Slugs.isValid(requestedSlug)) {
            throw invalidSlug();
        }
        try {
            return create(clean, requestedSlug, editor, false);
        } catch (RuntimeException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            if (!requestedSlug.isEmpty()) {
                throw new StoryException.SlugTaken(requestedSlug);
            }
            // another editor took the same headline's slug a moment ago: suffix ours with the News
            // ID
            return create(clean, requestedSlug, editor, true);
        }
    }

    private Story create(
            StoryContent clean, String requestedSlug, Editor editor, boolean suffixed) {
        return write(
                () -> {
                    Instant now = now();
                    long id = stories.nextId();
                    String base = Slugs.fromHeadline(clean.headline());
                    String slug =
                            !requestedSlug.isEmpty()
                                    ? requestedSlug
                                    : suffixed && !base.isEmpty()
                                            ? base + "-" + id
                                            : freeSlug(base, id);
                    if (!requestedSlug.isEmpty() && stories.slugTaken(slug, id)) {
                        throw new StoryException.SlugTaken(slug);
                    }
                    Story story =
                            new Story(
                                    id,
                                    slug,
                                    clean.language(),
                                    clean.section(),
                                    clean.tags(),
                                    clean.headline(),
                                    clean.lead(),
                                    clean.body(),
                                    clean.author(),
                                    StoryStatus.DRAFT,
                                    now,
                                    null,
                                    now,
                                    null,
                                    1);
                    stories.insert(story);
                    record(story, Change.CREATE, editor, now);
                    return story;
                });
    }

    public Story update(StoryUpdate u, Editor editor) {
        if (u.expectedVersion() <= 0) {
            throw StoryException.Invalid.of(
                    "version", "must be the version you edited (optimistic concurrency)");
        }
        for (String f : u.fields()) {
            if (!StoryUpdate.FIELDS.contains(f)) {
                throw StoryException.Invalid.of(
                        "updateMask",
                        "cannot update '"
                                + f
                                + "'; updatable: "
                                + String.join(", ", StoryUpdate.FIELDS));
            }
        }
        if (u.fields().contains("slug") && !Slugs.isValid(u.slug())) {
            throw invalidSlug();
        }
        return write(
                () -> {
                    Story current = locked(u.id(), u.expectedVersion());
                    StoryContent merged = merge(current.content(), u);
                    Story next = current.withContent(rules.check(merged, sections.ids()));
                    if (u.fields().contains("slug") && !u.slug().equals(current.slug())) {
                        if (current.everPublished()) {
                            throw new StoryException.IllegalTransition(
                                    "the slug of a story that has been published cannot change (its URL is out there)");
                        }
                        if (stories.slugTaken(u.slug(), current.id())) {
                            throw new StoryException.SlugTaken(u.slug());
                        }
                        next = next.withSlug(u.slug());
                    }
                    return save(current, next, Change.UPDATE, editor);
                },
                u.fields().contains("slug") ? u.slug() : null);
    }

    public Story publish(long id, Instant at, long expectedVersion, Editor editor) {
        return transition(id, expectedVersion, editor, s -> Lifecycle.publish(s, at, now()));
    }

    public Story unpublish(long id, long expectedVersion, Editor editor) {
        return transition(id, expectedVersion, editor, Lifecycle::unpublish);
    }

    public Story withdraw(long id, long expectedVersion, Editor editor) {
        return transition(id, expectedVersion, editor, Lifecycle::withdraw);
    }

    /** Publishes one scheduled story if its time has come; false when another replica did. */
    public boolean publishIfDue(Story candidate) {
        Optional<Story> published =
                tx.executeWrite(
                        status -> {
                            Optional<Story> current = stories.findForUpdate(candidate.id());
                            if (current.isEmpty()
                                    || current.get().version() != candidate.version()) {
                                return Optional.<Story>empty();
                            }
                            Optional<Lifecycle.Step> step =
                                    Lifecycle.publishDue(current.get(), now());
                            return step.map(
                                    s ->
                                            save(
                                                    current.get(),
                                                    s.story(),
                                                    s.change(),
                                                    Editor.SCHEDULER));
                        });
        published.ifPresent(this::committed);
        return published.isPresent();
    }

    private Story transition(
            long id,
            long expectedVersion,
            Editor editor,
            java.util.function.Function<Story, Optional<Lifecycle.Step>> rule) {
        return write(
                () -> {
                    Story current = locked(id, expectedVersion);
                    Optional<Lifecycle.Step> step = rule.apply(current);
                    return step.map(s -> save(current, s.story(), s.change(), editor))
                            .orElse(current);
                });
    }

    private Story locked(long id, long expectedVersion) {
        Story current =
                stories.findForUpdate(id)
                        .orElseThrow(() -> new StoryException.NotFound("story " + id));
        if (expectedVersion > 0 && current.version() != expectedVersion) {
            throw new StoryException.StaleVersion(expectedVersion, current.version());
        }
        return current;
    }

    private Story save(Story current, Story next, Change change, Editor editor) {
        Instant now = now();
        Story saved = next.bumped(now);
        if (!stories.update(saved, current.version())) {
            throw new StoryException.StaleVersion(current.version(), current.version() + 1);
        }
        record(saved, change, editor, now);
        return saved;
    }

    private void record(Story story, Change change, Editor editor, Instant now) {
        Revision revision = new Revision(story.version(), change, editor.subject(), now, story);
        revisions.insert(revision);
        feed.append(revision);
    }

    private Story write(Supplier<Story> work) {
        Story result = tx.executeWrite(status -> work.get());
        committed(result);
        return result;
    }

    /** Before a change is acknowledged: caches drop the story, feed watchers wake up. */
    private void committed(Story story) {
        changes.changed(story.id(), story.slug(), story.version());
        signal.changed();
    }

    /** As {@link #write(Supplier)}; a race on {@code slug} becomes {@link StoryException.SlugTaken}. */
    private Story write(Supplier<Story> work, String slug) {
        try {
            return write(work);
        } catch (RuntimeException e) {
            if (slug != null && UniqueViolation.causes(e)) {
                throw new StoryException.SlugTaken(slug);
            }
            throw e;
        }
    }

    private String freeSlug(String base, long id) {
        if (base.isEmpty()) {
            return "story-" + id;
        }
        return stories.slugTaken(base, id) ? base + "-" + id : base;
    }

    private static StoryContent merge(StoryContent c, StoryUpdate u) {
        StoryContent v = u.values();
        java.util.Set<String> f = u.fields();
        return new StoryContent(
                f.contains("language") ? v.language() : c.language(),
                f.contains("section") ? v.section() : c.section(),
                f.contains("tags") ? v.tags() : c.tags(),
                f.contains("headline") ? v.headline() : c.headline(),
                f.contains("lead") ? v.lead() : c.lead(),
                f.contains("body") ? v.body() : c.body(),
                f.contains("author") ? v.author() : c.author());
    }

    private static StoryException invalidSlug() {
        return StoryException.Invalid.of(
                "slug",
                "must be letters and digits joined by single hyphens, at most "
                        + Slugs.MAX_LENGTH
                        + " characters");
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
