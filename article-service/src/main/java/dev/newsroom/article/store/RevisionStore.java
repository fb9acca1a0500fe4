package dev.newsroom.article.store;

import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Revisions: one row per change, holding the whole story after it. */
@Singleton
public class RevisionStore {
    private static final List<String> ALL =
            Stream.of(List.of("article_id", "version", "change", "editor"), StoryStore.CONTENT)
                    .flatMap(List::stream)
                    .toList();
    private static final String COLUMNS = String.join(", ", ALL);
    private static final NamedSql INSERT = NamedSql.insert("article_revision", ALL);

    private final JdbcOperations jdbc;

    public RevisionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Revision r) {
        NamedSql.Bound insert =
                INSERT.bind(
                        StoryStore.content(r.story())
                                .and("article_id", r.story().id())
                                .and("version", r.version())
                                .and("change", r.change().label())
                                .and("editor", r.editor()));
        jdbc.prepareStatement(
                insert.sql(),
                ps -> {
                    insert.setOn(ps);
                    return ps.executeUpdate();
                });
    }

    /** Revisions of a story, newest first, below {@code beforeVersion} (exclusive; null for the newest). */
    public List<Revision> list(long articleId, Long beforeVersion, int limit) {
        Params params = Params.of("article_id", articleId).and("limit", limit);
        String before = "";
        if (beforeVersion != null) {
            before = " AND version < :before_version";
            params.and("before_version", beforeVersion);
        }
        NamedSql.Bound query =
                NamedSql.parse(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM article_revision WHERE article_id = :article_id"
                                        + before
                                        + " ORDER BY version DESC LIMIT :limit")
                        .bind(params);
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
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
        return new Revision(
                version,
                Change.fromLabel(rs.getString("change")),
                rs.getString("editor"),
                Sql.time(rs, "update_time"),
                StoryStore.read(rs, rs.getLong("article_id"), version));
    }
}
