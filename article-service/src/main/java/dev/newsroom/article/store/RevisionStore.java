package dev.newsroom.article.store;

import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Revision;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Revisions: one row per change, holding the whole story after it. */
@Singleton
public class RevisionStore {
    private static final String COLUMNS = "article_id, version, change, editor, slug, language, section, tags, headline, lead, "
            + "body, author, status, create_time, publish_time, update_time, schedule_time";

    private final JdbcOperations jdbc;

    public RevisionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Revision r) {
        jdbc.prepareStatement("INSERT INTO article_revision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, r.story().id());
            ps.setLong(2, r.version());
            ps.setString(3, r.change().label());
            ps.setString(4, r.editor());
            StoryStore.bindContent(ps, 5, r.story());
            return ps.executeUpdate();
        });
    }

    /** Revisions of a story, newest first, below {@code beforeVersion} (exclusive; null for the newest). */
    public List<Revision> list(long articleId, Long beforeVersion, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM article_revision WHERE article_id = ?"
                + (beforeVersion == null ? "" : " AND version < ?") + " ORDER BY version DESC LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setLong(i++, articleId);
            if (beforeVersion != null) {
                ps.setLong(i++, beforeVersion);
            }
            ps.setInt(i, limit);
            List<Revision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    static Revision read(ResultSet rs) throws java.sql.SQLException {
        long version = rs.getLong("version");
        return new Revision(version, Change.fromLabel(rs.getString("change")), rs.getString("editor"),
                Sql.time(rs, "update_time"), StoryStore.read(rs, rs.getLong("article_id"), version));
    }
}
