package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.ModerationMode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Per-story comment settings that a moderator set (stories without a row use the defaults). */
@Singleton
public class SettingsStore {
    private final JdbcOperations jdbc;

    public SettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommentSettings> find(long articleId) {
        return jdbc.prepareStatement("SELECT comments_open, moderation FROM comment_settings WHERE article_id = ?", ps -> {
            ps.setLong(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new CommentSettings(articleId, rs.getBoolean(1), ModerationMode.valueOf(rs.getString(2))))
                        : Optional.<CommentSettings>empty();
            }
        });
    }

    /** Writes the settings; false when there was no row to update (the caller inserts). */
    public boolean update(CommentSettings s, String by, Instant at) {
        return jdbc.prepareStatement("UPDATE comment_settings SET comments_open = ?, moderation = ?, update_time = ?, "
                + "updated_by = ? WHERE article_id = ?", ps -> {
                    ps.setBoolean(1, s.commentsOpen());
                    ps.setString(2, s.mode().name());
                    Sql.setTime(ps, 3, at);
                    ps.setString(4, by);
                    ps.setLong(5, s.articleId());
                    return ps.executeUpdate() > 0;
                });
    }

    public void insert(CommentSettings s, String by, Instant at) {
        jdbc.prepareStatement("INSERT INTO comment_settings (article_id, comments_open, moderation, update_time, updated_by) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, s.articleId());
                    ps.setBoolean(2, s.commentsOpen());
                    ps.setString(3, s.mode().name());
                    Sql.setTime(ps, 4, at);
                    ps.setString(5, by);
                    return ps.executeUpdate();
                });
    }
}
