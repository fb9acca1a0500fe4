package dev.newsroom.article.store;

import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.StoryEvent;
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
    private final JdbcOperations jdbc;

    public FeedStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code revision} happened; returns its sequence. */
    public long append(Revision revision) {
        jdbc.prepareStatement("UPDATE feed_position SET last_sequence = last_sequence + 1 WHERE id = 1",
                ps -> ps.executeUpdate());
        long sequence = lastSequence();
        jdbc.prepareStatement("INSERT INTO article_event (sequence, article_id, article_version, type, event_time) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, sequence);
                    ps.setLong(2, revision.story().id());
                    ps.setLong(3, revision.version());
                    ps.setString(4, revision.change().label());
                    Sql.setTime(ps, 5, revision.createTime());
                    return ps.executeUpdate();
                });
        return sequence;
    }

    /** The newest committed sequence (0 before the first event). */
    public long lastSequence() {
        return jdbc.prepareStatement("SELECT last_sequence FROM feed_position WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Up to {@code limit} events after {@code afterSequence}, in order, with their stories. */
    public List<StoryEvent> after(long afterSequence, int limit) {
        return jdbc.prepareStatement("SELECT e.sequence, e.type, e.event_time, r.* FROM article_event e "
                + "JOIN article_revision r ON r.article_id = e.article_id AND r.version = e.article_version "
                + "WHERE e.sequence > ? ORDER BY e.sequence LIMIT ?", ps -> {
                    ps.setLong(1, afterSequence);
                    ps.setInt(2, limit);
                    List<StoryEvent> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Revision r = RevisionStore.read(rs);
                            Instant at = Sql.time(rs, "event_time");
                            out.add(new StoryEvent(rs.getLong("sequence"), Change.fromLabel(rs.getString("type")), at, r.story()));
                        }
                    }
                    return out;
                });
    }
}
