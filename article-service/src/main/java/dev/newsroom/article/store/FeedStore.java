package dev.newsroom.article.store;

import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.StoryEvent;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox behind ArticleFeed.Watch. {@link #append} must run last in the writing
 * transaction: it locks the single feed_position row until commit, which hands out
 * gap-free sequences and makes transactions commit in sequence order.
 */
@Singleton
public class FeedStore {
    /** Takes the next sequence and the row lock that orders the commits. */
    private static final String NEXT_SEQUENCE =
            "UPDATE feed_position SET last_sequence = last_sequence + 1 WHERE id = 1";

    private static final String LAST_SEQUENCE =
            "SELECT last_sequence FROM feed_position WHERE id = 1";
    private static final NamedSql INSERT_EVENT =
            NamedSql.insert(
                    "article_event",
                    List.of("sequence", "article_id", "article_version", "type", "event_time"));
    private static final NamedSql AFTER =
            NamedSql.parse(
                    "SELECT e.sequence, e.type, e.event_time, r.* FROM article_event e "
                            + "JOIN article_revision r ON r.article_id = e.article_id AND r.version = e.article_version "
                            + "WHERE e.sequence > :after_sequence ORDER BY e.sequence LIMIT :limit");

    private static final NamedSql VERSIONS_AFTER =
            NamedSql.parse(
                    "SELECT sequence, article_id, article_version FROM article_event "
                            + "WHERE sequence > :after_sequence ORDER BY sequence LIMIT :limit");
    private static final NamedSql VERSIONS_SINCE =
            NamedSql.parse(
                    "SELECT sequence, article_id, article_version FROM article_event "
                            + "WHERE event_time >= :since ORDER BY sequence");

    /** One outbox entry without its story: which version of which story a committed change made. */
    public record VersionEvent(long sequence, long articleId, long version) {}

    private final JdbcOperations jdbc;

    public FeedStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code revision} happened; returns its sequence. */
    public long append(Revision revision) {
        jdbc.prepareStatement(NEXT_SEQUENCE, ps -> ps.executeUpdate());
        long sequence = lastSequence();
        NamedSql.Bound insert =
                INSERT_EVENT.bind(
                        Params.of("sequence", sequence)
                                .and("article_id", revision.story().id())
                                .and("article_version", revision.version())
                                .and("type", revision.change().label())
                                .and("event_time", revision.createTime()));
        jdbc.prepareStatement(
                insert.sql(),
                ps -> {
                    insert.setOn(ps);
                    return ps.executeUpdate();
                });
        return sequence;
    }

    /** The newest committed sequence (0 before the first event). */
    public long lastSequence() {
        return jdbc.prepareStatement(
                LAST_SEQUENCE,
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong("last_sequence");
                    }
                });
    }

    /** Up to {@code limit} changes after {@code afterSequence}, in order (the outbox alone: an index range scan). */
    public List<VersionEvent> versionsAfter(long afterSequence, int limit) {
        return versions(
                VERSIONS_AFTER.bind(
                        Params.of("after_sequence", afterSequence).and("limit", limit)));
    }

    /** Every change committed at or after {@code since}, in order. */
    public List<VersionEvent> versionsSince(Instant since) {
        return versions(VERSIONS_SINCE.bind(Params.of("since", since)));
    }

    private List<VersionEvent> versions(NamedSql.Bound query) {
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    List<VersionEvent> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(
                                    new VersionEvent(
                                            rs.getLong("sequence"),
                                            rs.getLong("article_id"),
                                            rs.getLong("article_version")));
                        }
                    }
                    return out;
                });
    }

    /** Up to {@code limit} events after {@code afterSequence}, in order, with their stories. */
    public List<StoryEvent> after(long afterSequence, int limit) {
        NamedSql.Bound query =
                AFTER.bind(Params.of("after_sequence", afterSequence).and("limit", limit));
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    List<StoryEvent> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Revision r = RevisionStore.read(rs);
                            Instant at = Sql.time(rs, "event_time");
                            out.add(
                                    new StoryEvent(
                                            rs.getLong("sequence"),
                                            Change.fromLabel(rs.getString("type")),
                                            at,
                                            r.story()));
                        }
                    }
                    return out;
                });
    }
}
