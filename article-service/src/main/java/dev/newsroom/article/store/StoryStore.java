package dev.newsroom.article.store;

import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryStatus;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The article table. Callers hold the transaction (see the desk package). */
@Singleton
public class StoryStore {
    /** The columns a story and its revisions share; each is bound from the parameter of its own name ({@link #content}). */
    static final List<String> CONTENT =
            List.of(
                    "slug",
                    "language",
                    "section",
                    "tags",
                    "headline",
                    "lead",
                    "body",
                    "author",
                    "status",
                    "create_time",
                    "publish_time",
                    "update_time",
                    "schedule_time");

    private static final List<String> ALL =
            Stream.of(List.of("id"), CONTENT, List.of("version")).flatMap(List::stream).toList();
    static final String COLUMNS = String.join(", ", ALL);

    private static final NamedSql NEXT_ID =
            NamedSql.parse("SELECT nextval('article_id_seq') AS id");
    private static final NamedSql FIND =
            NamedSql.parse("SELECT " + COLUMNS + " FROM article WHERE id = :id");
    private static final NamedSql FIND_FOR_UPDATE =
            NamedSql.parse("SELECT " + COLUMNS + " FROM article WHERE id = :id FOR UPDATE");
    private static final NamedSql FIND_BY_SLUG =
            NamedSql.parse("SELECT " + COLUMNS + " FROM article WHERE slug = :slug");
    private static final NamedSql SLUG_TAKEN =
            NamedSql.parse("SELECT 1 FROM article WHERE slug = :slug AND id <> :except_id");
    private static final NamedSql INSERT = NamedSql.insert("article", ALL);

    /** The version fence: the row changes only if nobody wrote it since we read it. */
    private static final NamedSql UPDATE =
            NamedSql.parse(
                    "UPDATE article SET "
                            + NamedSql.assignments(CONTENT)
                            + ", version = :version WHERE id = :id AND version = :expected_version");

    private static final NamedSql DUE_SCHEDULED =
            NamedSql.parse(
                    "SELECT "
                            + COLUMNS
                            + " FROM article "
                            + "WHERE status = 'SCHEDULED' AND schedule_time <= :now ORDER BY schedule_time, id LIMIT :limit");
    private static final NamedSql FIND_PUBLISHED =
            NamedSql.parse(
                    "SELECT "
                            + COLUMNS
                            + " FROM article "
                            + "WHERE status = 'PUBLISHED' AND id IN (:ids)");
    private static final NamedSql DELETE_TAGS =
            NamedSql.parse("DELETE FROM article_tag WHERE article_id = :article_id");
    private static final NamedSql INSERT_TAG =
            NamedSql.insert("article_tag", List.of("article_id", "tag"));

    private final JdbcOperations jdbc;

    public StoryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long nextId() {
        NamedSql.Bound next = NEXT_ID.bind(Params.none());
        return jdbc.prepareStatement(
                next.sql(),
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong("id");
                    }
                });
    }

    public Optional<Story> find(long id) {
        return one(FIND.bind(Params.of("id", id)));
    }

    /** Reads the story and locks its row until the transaction ends. */
    public Optional<Story> findForUpdate(long id) {
        return one(FIND_FOR_UPDATE.bind(Params.of("id", id)));
    }

    public Optional<Story> findBySlug(String slug) {
        return one(FIND_BY_SLUG.bind(Params.of("slug", slug)));
    }

    public boolean slugTaken(String slug, long exceptId) {
        NamedSql.Bound taken = SLUG_TAKEN.bind(Params.of("slug", slug).and("except_id", exceptId));
        return jdbc.prepareStatement(
                taken.sql(),
                ps -> {
                    taken.setOn(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    public void insert(Story s) {
        execute(INSERT.bind(content(s).and("id", s.id()).and("version", s.version())));
        replaceTags(s);
    }

    /**
     * Writes the new state of a story if it is still at {@code expectedVersion}.
     *
     * @return false when another writer changed it first
     */
    public boolean update(Story s, long expectedVersion) {
        int rows =
                execute(
                        UPDATE.bind(
                                content(s)
                                        .and("version", s.version())
                                        .and("id", s.id())
                                        .and("expected_version", expectedVersion)));
        if (rows == 1) {
            replaceTags(s);
        }
        return rows == 1;
    }

    /** Stories whose scheduled time has come, oldest first. */
    public List<Story> dueScheduled(Instant now, int limit) {
        return many(DUE_SCHEDULED.bind(Params.of("now", now).and("limit", limit)));
    }

    /** The published ones among {@code ids}, in no particular order (the hot list's candidates). */
    public List<Story> findPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return many(FIND_PUBLISHED.bind(Params.of("ids", ids)));
    }

    /** One page of a list, filtered and ordered as {@code query} says (keyset paging). */
    public List<Story> list(StoryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article WHERE 1 = 1");
        Params params = Params.none();
        if (query.status() != null) {
            sql.append(" AND status = :status");
            params.and("status", query.status().name());
        }
        if (query.section() != null) {
            sql.append(" AND section = :section");
            params.and("section", query.section());
        }
        if (query.language() != null) {
            sql.append(" AND language = :language");
            params.and("language", query.language());
        }
        if (query.tag() != null) {
            sql.append(" AND id IN (SELECT article_id FROM article_tag WHERE tag = :tag)");
            params.and("tag", query.tag());
        }
        if (query.byPublishTime()) {
            if (query.afterId() != null) {
                sql.append(
                        " AND (publish_time < :after_publish_time OR (publish_time = :after_publish_time AND id < :after_id))");
                params.and("after_publish_time", query.afterPublishTime())
                        .and("after_id", query.afterId());
            }
            sql.append(" ORDER BY publish_time DESC, id DESC");
        } else {
            if (query.afterId() != null) {
                sql.append(" AND id < :after_id");
                params.and("after_id", query.afterId());
            }
            sql.append(" ORDER BY id DESC");
        }
        sql.append(" LIMIT :limit");
        params.and("limit", query.limit());
        return many(NamedSql.parse(sql.toString()).bind(params));
    }

    private void replaceTags(Story s) {
        execute(DELETE_TAGS.bind(Params.of("article_id", s.id())));
        if (s.tags().isEmpty()) {
            return;
        }
        List<NamedSql.Bound> rows =
                s.tags().stream()
                        .map(
                                tag ->
                                        INSERT_TAG.bind(
                                                Params.of("article_id", s.id()).and("tag", tag)))
                        .toList();
        jdbc.prepareStatement(
                rows.get(0).sql(),
                ps -> {
                    for (NamedSql.Bound row : rows) {
                        row.setOn(ps);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** The {@link #CONTENT} columns' values, by column name. */
    static Params content(Story s) {
        return Params.of("slug", s.slug())
                .and("language", s.language())
                .and("section", s.section())
                .and("tags", Sql.joinTags(s.tags()))
                .and("headline", s.headline())
                .and("lead", s.lead())
                .and("body", s.body())
                .and("author", s.author())
                .and("status", s.status().name())
                .and("create_time", s.createTime())
                .and("publish_time", s.publishTime())
                .and("update_time", s.updateTime())
                .and("schedule_time", s.scheduleTime());
    }

    static Story read(ResultSet rs, long id, long version) throws SQLException {
        return new Story(
                id,
                rs.getString("slug"),
                rs.getString("language"),
                rs.getString("section"),
                Sql.splitTags(rs.getString("tags")),
                rs.getString("headline"),
                rs.getString("lead"),
                rs.getString("body"),
                rs.getString("author"),
                StoryStatus.valueOf(rs.getString("status")),
                Sql.time(rs, "create_time"),
                Sql.time(rs, "publish_time"),
                Sql.time(rs, "update_time"),
                Sql.time(rs, "schedule_time"),
                version);
    }

    private int execute(NamedSql.Bound statement) {
        return jdbc.prepareStatement(
                statement.sql(),
                ps -> {
                    statement.setOn(ps);
                    return ps.executeUpdate();
                });
    }

    private Optional<Story> one(NamedSql.Bound query) {
        List<Story> found = many(query);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Story> many(NamedSql.Bound query) {
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
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
