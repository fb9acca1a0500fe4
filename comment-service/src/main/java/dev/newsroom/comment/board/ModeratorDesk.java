package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.Comment;
import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import dev.newsroom.comment.domain.ModerationMode;
import dev.newsroom.comment.domain.PlainText;
import dev.newsroom.comment.store.CommentStore;
import dev.newsroom.comment.store.HistoryStore;
import dev.newsroom.comment.store.SettingsStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** What moderators do: work the queue, approve / reject / mark spam, open and close stories. */
@Singleton
public class ModeratorDesk {
    /**
     * Longest moderator subject stored (the actor and updated_by columns): what the gateway
     * forwards as a subject at most. A longer one is refused before anything is written.
     */
    static final int MAX_MODERATOR = 256;

    private final CommentStore comments;
    private final HistoryStore history;
    private final SettingsStore settings;
    private final Stories stories;
    private final BoardConfig config;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public ModeratorDesk(
            CommentStore comments,
            HistoryStore history,
            SettingsStore settings,
            Stories stories,
            BoardConfig config,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.comments = comments;
        this.history = history;
        this.settings = settings;
        this.stories = stories;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    /** A comment with the e-mail and the history only moderators see. */
    public record Moderated(Comment comment, List<ModerationEvent> history) {}

    public Page<Moderated> queue(
            CommentStatus status, long articleId, int pageSize, String pageToken) {
        int size = config.pageSize(pageSize);
        String list = "queue:" + status + ":" + articleId;
        long after = PageToken.decode(pageToken, list);
        return tx.executeRead(
                s -> {
                    List<Comment> found = comments.withStatus(status, articleId, after, size + 1);
                    String next = "";
                    if (found.size() > size) {
                        found = found.subList(0, size);
                        next = PageToken.encode(found.get(size - 1).id(), list);
                    }
                    Map<Long, List<ModerationEvent>> events =
                            history.of(found.stream().map(Comment::id).toList());
                    return new Page<>(
                            found.stream()
                                    .map(
                                            c ->
                                                    new Moderated(
                                                            c,
                                                            events.getOrDefault(c.id(), List.of())))
                                    .toList(),
                            next);
                });
    }

    /** Sets a comment's status and records who did it and why. */
    public Moderated moderate(
            long id, CommentStatus target, String action, String moderator, String reason) {
        checkModerator(moderator);
        String why = PlainText.line(reason);
        if (PlainText.length(why) > config.maxReason()) {
            throw CommentException.Invalid.of(
                    "reason", "must be at most " + config.maxReason() + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.executeWrite(
                s -> {
                    Comment c =
                            comments.findForUpdate(id)
                                    .orElseThrow(
                                            () ->
                                                    new CommentException.NotFound(
                                                            "no comment " + id));
                    comments.setStatus(id, target);
                    history.append(new ModerationEvent(id, action, moderator, why, target, now));
                    return new Moderated(
                            c.withStatus(target),
                            history.of(List.of(id)).getOrDefault(id, List.of()));
                });
    }

    /**
     * Changes what is given; the rest keeps its current value (or its section's default).
     * Returns only once the row holds the new settings: an answer means they are stored.
     */
    public CommentSettings updateSettings(
            long articleId, Boolean open, ModerationMode mode, String moderator) {
        if (articleId <= 0) {
            throw CommentException.Invalid.of("articleId", "must be a News ID");
        }
        checkModerator(moderator);
        CommentSettings current = stories.settings(articleId, stories.sectionIfKnown(articleId));
        CommentSettings next =
                new CommentSettings(
                        articleId,
                        open == null ? current.commentsOpen() : open,
                        mode == null ? current.mode() : mode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            tx.executeWrite(
                    s -> {
                        if (!settings.update(next, moderator, now)) {
                            settings.insert(next, moderator, now);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // another moderator inserted the row between our update and insert: update it
            if (!tx.executeWrite(s -> settings.update(next, moderator, now))) {
                throw new IllegalStateException(
                        "the settings row of story " + articleId + " was inserted and is gone");
            }
        }
        return next;
    }

    private static void checkModerator(String moderator) {
        if (moderator == null
                || moderator.isEmpty()
                || PlainText.length(moderator) > MAX_MODERATOR) {
            throw CommentException.Invalid.of(
                    "subject",
                    "the moderator's subject must be 1.." + MAX_MODERATOR + " characters");
        }
    }

    /** A unique-key violation (SQLSTATE 23505, PostgreSQL and H2 alike): the only race the retry is for. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
