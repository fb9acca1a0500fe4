package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
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
    private static final NamedSql APPEND =
            NamedSql.insert(
                    "comment_event",
                    List.of("comment_id", "action", "actor", "reason", "status", "event_time"));
    private static final NamedSql OF =
            NamedSql.parse(
                    "SELECT comment_id, action, actor, reason, status, event_time "
                            + "FROM comment_event WHERE comment_id IN (:comment_ids) ORDER BY id");

    private final JdbcOperations jdbc;

    public HistoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void append(ModerationEvent e) {
        NamedSql.Bound insert =
                APPEND.bind(
                        Params.of("comment_id", e.commentId())
                                .and("action", e.action())
                                .and("actor", e.actor())
                                .and("reason", e.reason())
                                .and("status", e.status().name())
                                .and("event_time", e.time()));
        jdbc.prepareStatement(
                insert.sql(),
                ps -> {
                    insert.setOn(ps);
                    return ps.executeUpdate();
                });
    }

    /** The histories of these comments, oldest event first. */
    public Map<Long, List<ModerationEvent>> of(List<Long> commentIds) {
        Map<Long, List<ModerationEvent>> out = new HashMap<>();
        if (commentIds.isEmpty()) {
            return out;
        }
        NamedSql.Bound query = OF.bind(Params.of("comment_ids", commentIds));
        jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ModerationEvent e =
                                    new ModerationEvent(
                                            rs.getLong("comment_id"),
                                            rs.getString("action"),
                                            rs.getString("actor"),
                                            rs.getString("reason"),
                                            CommentStatus.valueOf(rs.getString("status")),
                                            Sql.time(rs, "event_time"));
                            out.computeIfAbsent(e.commentId(), k -> new ArrayList<>()).add(e);
                        }
                    }
                    return null;
                });
        return out;
    }
}
