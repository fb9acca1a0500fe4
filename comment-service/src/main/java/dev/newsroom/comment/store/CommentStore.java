package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.Comment;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.moderation.RecentPosts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comment table. Callers hold the transaction (see the board package). */
@Singleton
public class CommentStore implements RecentPosts {
    private static final String COLUMNS =
            "id, article_id, parent_id, root_id, depth, author_name, email, body, status, create_time, client_hash";

    private final JdbcOperations jdbc;

    public CommentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long nextId() {
        return jdbc.prepareStatement("SELECT nextval('comment_id_seq')", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void insert(Comment c, String textKey) {
        jdbc.prepareStatement("INSERT INTO comment (" + COLUMNS + ", text_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, c.id());
            ps.setLong(2, c.articleId());
            if (c.parentId() == 0) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, c.parentId());
            }
            ps.setLong(4, c.rootId());
            ps.setInt(5, c.depth());
            ps.setString(6, c.authorName());
            ps.setString(7, c.email().isEmpty() ? null : c.email());
            ps.setString(8, c.body());
            ps.setString(9, c.status().name());
            Sql.setTime(ps, 10, c.createTime());
            ps.setString(11, c.clientHash());
            ps.setString(12, textKey);
            return ps.executeUpdate();
        });
    }

    public Optional<Comment> find(long id) {
        List<Comment> found = list("SELECT " + COLUMNS + " FROM comment WHERE id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    /** Reads the comment and locks its row until the transaction ends. */
    public Optional<Comment> findForUpdate(long id) {
        List<Comment> found = list("SELECT " + COLUMNS + " FROM comment WHERE id = ? FOR UPDATE", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    public void setStatus(long id, CommentStatus status) {
        jdbc.prepareStatement("UPDATE comment SET status = ? WHERE id = ?", ps -> {
            ps.setString(1, status.name());
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** Approved top-level comments of a story after {@code afterId}, oldest first. */
    public List<Comment> approvedTopLevel(long articleId, long afterId, int limit) {
        return list("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND status = 'APPROVED' AND depth = 0 "
                + "AND id > ? ORDER BY id LIMIT ?", ps -> {
                    ps.setLong(1, articleId);
                    ps.setLong(2, afterId);
                    ps.setInt(3, limit);
                });
    }

    /** Approved replies in the threads of these top-level comments, oldest first. */
    public List<Comment> approvedReplies(List<Long> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return list("SELECT " + COLUMNS + " FROM comment WHERE root_id IN (" + Sql.placeholders(rootIds.size())
                + ") AND status = 'APPROVED' AND depth > 0 ORDER BY id", ps -> {
                    for (int i = 0; i < rootIds.size(); i++) {
                        ps.setLong(i + 1, rootIds.get(i));
                    }
                });
    }

    /** Comments with a status, oldest first, optionally of one story (the moderation queue). */
    public List<Comment> withStatus(CommentStatus status, long articleId, long afterId, int limit) {
        String story = articleId > 0 ? " AND article_id = ?" : "";
        return list("SELECT " + COLUMNS + " FROM comment WHERE status = ?" + story + " AND id > ? ORDER BY id LIMIT ?", ps -> {
            int i = 1;
            ps.setString(i++, status.name());
            if (articleId > 0) {
                ps.setLong(i++, articleId);
            }
            ps.setLong(i++, afterId);
            ps.setInt(i, limit);
        });
    }

    /** Approved comments per story; every requested story is in the answer, in order. */
    public Map<Long, Long> approvedCounts(List<Long> articleIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, 0L));
        if (articleIds.isEmpty()) {
            return counts;
        }
        jdbc.prepareStatement("SELECT article_id, COUNT(*) FROM comment WHERE article_id IN ("
                + Sql.placeholders(articleIds.size()) + ") AND status = 'APPROVED' GROUP BY article_id", ps -> {
                    for (int i = 0; i < articleIds.size(); i++) {
                        ps.setLong(i + 1, articleIds.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                    return null;
                });
        return counts;
    }

    public long approvedCount(long articleId) {
        return approvedCounts(List.of(articleId)).get(articleId);
    }

    @Override
    public boolean postedSince(String clientHash, String textKey, Instant since) {
        return jdbc.prepareStatement("SELECT 1 FROM comment WHERE client_hash = ? AND text_key = ? AND create_time > ? LIMIT 1", ps -> {
            ps.setString(1, clientHash);
            ps.setString(2, textKey);
            Sql.setTime(ps, 3, since);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private List<Comment> list(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<Comment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static Comment read(ResultSet rs) throws SQLException {
        String email = rs.getString("email");
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("parent_id"), rs.getLong("root_id"),
                rs.getInt("depth"), rs.getString("author_name"), email == null ? "" : email, rs.getString("body"),
                CommentStatus.valueOf(rs.getString("status")), Sql.time(rs, "create_time"), rs.getString("client_hash"));
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
