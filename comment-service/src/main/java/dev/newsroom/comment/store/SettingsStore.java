package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.ModerationMode;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per-story comment settings that a moderator set (stories without a row use the defaults). */
@Singleton
public class SettingsStore {
    private static final List<String> WRITTEN =
            List.of("comments_open", "moderation", "update_time", "updated_by");
    private static final NamedSql FIND =
            NamedSql.parse(
                    "SELECT comments_open, moderation FROM comment_settings WHERE article_id = :article_id");
    private static final NamedSql UPDATE =
            NamedSql.parse(
                    "UPDATE comment_settings SET "
                            + NamedSql.assignments(WRITTEN)
                            + " WHERE article_id = :article_id");
    private static final NamedSql INSERT =
            NamedSql.insert(
                    "comment_settings",
                    List.of(
                            "article_id",
                            "comments_open",
                            "moderation",
                            "update_time",
                            "updated_by"));

    private final JdbcOperations jdbc;

    public SettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommentSettings> find(long articleId) {
        NamedSql.Bound query = FIND.bind(Params.of("article_id", articleId));
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(
                                        new CommentSettings(
                                                articleId,
                                                rs.getBoolean("comments_open"),
                                                ModerationMode.valueOf(rs.getString("moderation"))))
                                : Optional.<CommentSettings>empty();
                    }
                });
    }

    /** Writes the settings; false when there was no row to update (the caller inserts). */
    public boolean update(CommentSettings s, String by, Instant at) {
        return write(UPDATE.bind(values(s, by, at))) > 0;
    }

    public void insert(CommentSettings s, String by, Instant at) {
        write(INSERT.bind(values(s, by, at)));
    }

    /** A row's values, by column name. */
    private static Params values(CommentSettings s, String by, Instant at) {
        return Params.of("article_id", s.articleId())
                .and("comments_open", s.commentsOpen())
                .and("moderation", s.mode().name())
                .and("update_time", at)
                .and("updated_by", by);
    }

    private int write(NamedSql.Bound statement) {
        return jdbc.prepareStatement(
                statement.sql(),
                ps -> {
                    statement.setOn(ps);
                    return ps.executeUpdate();
                });
    }
}
