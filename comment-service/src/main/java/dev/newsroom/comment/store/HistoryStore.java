package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The moderation history of comments (who, what, why, when). Append-only. */
@Singleton
public class HistoryStore {
    private final JdbcOperations jdbc;

    public HistoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void append(ModerationEvent e) {
        jdbc.prepareStatement("INSERT INTO comment_event (comment_id, action, actor, reason, status, event_time) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, e.commentId());
                    ps.setString(2, e.action());
                    ps.setString(3, e.actor());
                    ps.setString(4, e.reason());
                    ps.setString(5, e.status().name());
                    Sql.setTime(ps, 6, e.time());
                    return ps.executeUpdate();
                });
    }

    /** The histories of these comments, oldest event first. */
    public Map<Long, List<ModerationEvent>> of(List<Long> commentIds) {
        Map<Long, List<ModerationEvent>> out = new HashMap<>();
        if (commentIds.isEmpty()) {
            return out;
        }
        jdbc.prepareStatement("SELECT comment_id, action, actor, reason, status, event_time FROM comment_event "
                + "WHERE comment_id IN (" + Sql.placeholders(commentIds.size()) + ") ORDER BY id", ps -> {
                    for (int i = 0; i < commentIds.size(); i++) {
                        ps.setLong(i + 1, commentIds.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ModerationEvent e = new ModerationEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), CommentStatus.valueOf(rs.getString(5)), Sql.time(rs, "event_time"));
                            out.computeIfAbsent(e.commentId(), k -> new ArrayList<>()).add(e);
                        }
                    }
                    return null;
                });
        return out;
    }
}
