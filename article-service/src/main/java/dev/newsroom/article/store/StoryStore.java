package dev.newsroom.article.store;

import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The article table. Callers hold the transaction (see the desk package). */
@Singleton
public class StoryStore {
    static final String COLUMNS = "id, slug, language, section, tags, headline, lead, body, author, status, "
            + "create_time, publish_time, update_time, schedule_time, version";

    private final JdbcOperations jdbc;

    public StoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long nextId() {
        return jdbc.prepareStatement("SELECT nextval('article_id_seq')", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<Story> find(long id) {
        return one("SELECT " + COLUMNS + " FROM article WHERE id = ?", ps -> ps.setLong(1, id));
    }

    /** Reads the story and locks its row until the transaction ends. */
    public Optional<Story> findForUpdate(long id) {
        return one("SELECT " + COLUMNS + " FROM article WHERE id = ? FOR UPDATE", ps -> ps.setLong(1, id));
    }

    public Optional<Story> findBySlug(String slug) {
        return one("SELECT " + COLUMNS + " FROM article WHERE slug = ?", ps -> ps.setString(1, slug));
    }

    public boolean slugTaken(String slug, long exceptId) {
        return jdbc.prepareStatement("SELECT 1 FROM article WHERE slug = ? AND id <> ?", ps -> {
            ps.setString(1, slug);
            ps.setLong(2, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    public void insert(Story s) {
        jdbc.prepareStatement("INSERT INTO article (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, s.id());
            bindContent(ps, 2, s);
            ps.setLong(15, s.version());
            return ps.executeUpdate();
        });
        replaceTags(s);
    }

    /**
     * Writes the new state of a story if it is still at {@code expectedVersion}.
     *
     * @return false when another writer changed it first
     */
    public boolean update(Story s, long expectedVersion) {
        int rows = jdbc.prepareStatement("UPDATE article SET id = ?, slug = ?, language = ?, section = ?, tags = ?, headline = ?, "
                + "lead = ?, body = ?, author = ?, status = ?, create_time = ?, publish_time = ?, update_time = ?, "
                + "schedule_time = ?, version = ? WHERE id = ? AND version = ?", ps -> {
                    ps.setLong(1, s.id());
                    bindContent(ps, 2, s);
                    ps.setLong(15, s.version());
                    ps.setLong(16, s.id());
                    ps.setLong(17, expectedVersion);
                    return ps.executeUpdate();
                });
        if (rows == 1) {
            replaceTags(s);
        }
        return rows == 1;
    }

    /** Stories whose scheduled time has come, oldest first. */
    public List<Story> dueScheduled(Instant now, int limit) {
        return many("SELECT " + COLUMNS + " FROM article WHERE status = 'SCHEDULED' AND schedule_time <= ? "
                + "ORDER BY schedule_time, id LIMIT ?", ps -> {
                    Sql.setTime(ps, 1, now);
                    ps.setInt(2, limit);
                });
    }

    /** The published ones among {@code ids}, in no particular order (the hot list's candidates). */
    public List<Story> findPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return many("SELECT " + COLUMNS + " FROM article WHERE status = 'PUBLISHED' AND id IN (" + marks + ")", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
        });
    }

    /** One page of a list, filtered and ordered as {@code query} says. */
    public List<Story> list(StoryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article WHERE 1 = 1");
        List<Binder> binders = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" AND status = ?");
            binders.add((ps, i) -> ps.setString(i, query.status().name()));
        }
        if (query.section() != null) {
            sql.append(" AND section = ?");
            binders.add((ps, i) -> ps.setString(i, query.section()));
        }
        if (query.language() != null) {
            sql.append(" AND language = ?");
            binders.add((ps, i) -> ps.setString(i, query.language()));
        }
        if (query.tag() != null) {
            sql.append(" AND id IN (SELECT article_id FROM article_tag WHERE tag = ?)");
            binders.add((ps, i) -> ps.setString(i, query.tag()));
        }
        if (query.byPublishTime()) {
            if (query.afterId() != null) {
                sql.append(" AND (publish_time < ? OR (publish_time = ? AND id < ?))");
                binders.add((ps, i) -> Sql.setTime(ps, i, query.afterPublishTime()));
                binders.add((ps, i) -> Sql.setTime(ps, i, query.afterPublishTime()));
                binders.add((ps, i) -> ps.setLong(i, query.afterId()));
            }
            sql.append(" ORDER BY publish_time DESC, id DESC");
        } else {
            if (query.afterId() != null) {
                sql.append(" AND id < ?");
                binders.add((ps, i) -> ps.setLong(i, query.afterId()));
            }
            sql.append(" ORDER BY id DESC");
        }
        sql.append(" LIMIT ?");
        binders.add((ps, i) -> ps.setInt(i, query.limit()));
        return many(sql.toString(), ps -> {
            for (int i = 0; i < binders.size(); i++) {
                binders.get(i).bind(ps, i + 1);
            }
        });
    }

    private void replaceTags(Story s) {
        jdbc.prepareStatement("DELETE FROM article_tag WHERE article_id = ?", ps -> {
            ps.setLong(1, s.id());
            return ps.executeUpdate();
        });
        if (s.tags().isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO article_tag (article_id, tag) VALUES (?, ?)", ps -> {
            for (String tag : s.tags()) {
                ps.setLong(1, s.id());
                ps.setString(2, tag);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Binds slug … schedule_time at positions {@code first} … {@code first + 12}. */
    static void bindContent(PreparedStatement ps, int first, Story s) throws SQLException {
        ps.setString(first, s.slug());
        ps.setString(first + 1, s.language());
        ps.setString(first + 2, s.section());
        ps.setString(first + 3, Sql.joinTags(s.tags()));
        ps.setString(first + 4, s.headline());
        ps.setString(first + 5, s.lead());
        ps.setString(first + 6, s.body());
        ps.setString(first + 7, s.author());
        ps.setString(first + 8, s.status().name());
        Sql.setTime(ps, first + 9, s.createTime());
        Sql.setTime(ps, first + 10, s.publishTime());
        Sql.setTime(ps, first + 11, s.updateTime());
        Sql.setTime(ps, first + 12, s.scheduleTime());
    }

    static Story read(ResultSet rs, long id, long version) throws SQLException {
        return new Story(id, rs.getString("slug"), rs.getString("language"), rs.getString("section"),
                Sql.splitTags(rs.getString("tags")), rs.getString("headline"), rs.getString("lead"),
                rs.getString("body"), rs.getString("author"), StoryStatus.valueOf(rs.getString("status")),
                Sql.time(rs, "create_time"), Sql.time(rs, "publish_time"), Sql.time(rs, "update_time"),
                Sql.time(rs, "schedule_time"), version);
    }

    private Optional<Story> one(String sql, Binder.All binder) {
        List<Story> found = many(sql, binder);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Story> many(String sql, Binder.All binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<Story> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, rs.getLong("id"), rs.getLong("version")));
                }
            }
            return out;
        });
    }
}
