package dev.newsroom.comment.store;

import dev.newsroom.comment.domain.Comment;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.moderation.RecentPosts;
import dev.newsroom.service.sql.NamedSql;
import dev.newsroom.service.sql.Params;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The comment table. Callers hold the transaction (see the board package). */
@Singleton
public class CommentStore implements RecentPosts {
    private static final List<String> READ =
            List.of(
                    "id",
                    "article_id",
                    "parent_id",
                    "root_id",
                    "depth",
                    "author_name",
                    "email",
                    "body",
                    "status",
                    "create_time",
                    "client_hash");
    private static final String COLUMNS = String.join(", ", READ);

    private static final NamedSql NEXT_ID =
            NamedSql.parse("SELECT nextval('comment_id_seq') AS id");
    private static final NamedSql INSERT =
            NamedSql.insert(
                    "comment", Stream.concat(READ.stream(), Stream.of("text_key")).toList());
    private static final NamedSql FIND =
            NamedSql.parse("SELECT " + COLUMNS + " FROM comment WHERE id = :id");
    private static final NamedSql FIND_FOR_UPDATE =
            NamedSql.parse("SELECT " + COLUMNS + " FROM comment WHERE id = :id FOR UPDATE");
    private static final NamedSql SET_STATUS =
            NamedSql.parse("UPDATE comment SET status = :status WHERE id = :id");
    private static final NamedSql APPROVED_TOP_LEVEL =
            NamedSql.parse(
                    "SELECT "
                            + COLUMNS
                            + " FROM comment "
                            + "WHERE article_id = :article_id AND status = 'APPROVED' AND depth = 0 AND id > :after_id ORDER BY id LIMIT :limit");

    /** The first :per_thread approved replies of each thread (any depth), numbered per thread by id. */
    private static final NamedSql FIRST_REPLIES =
            NamedSql.parse(
                    "SELECT "
                            + COLUMNS
                            + " FROM (SELECT "
                            + COLUMNS
                            + ", ROW_NUMBER() OVER (PARTITION BY root_id ORDER BY id) AS reply_number FROM comment "
                            + "WHERE root_id IN (:root_ids) AND status = 'APPROVED' AND depth > 0) replies "
                            + "WHERE reply_number <= :per_thread ORDER BY id");

    private static final NamedSql REPLIES_AFTER =
            NamedSql.parse(
                    "SELECT "
                            + COLUMNS
                            + " FROM comment "
                            + "WHERE root_id = :root_id AND status = 'APPROVED' AND depth > 0 AND id > :after_id ORDER BY id LIMIT :limit");
    private static final NamedSql APPROVED_COUNTS =
            NamedSql.parse(
                    "SELECT article_id, COUNT(*) AS approved FROM comment "
                            + "WHERE article_id IN (:article_ids) AND status = 'APPROVED' GROUP BY article_id");
    private static final NamedSql POSTED_SINCE =
            NamedSql.parse(
                    "SELECT 1 FROM comment "
                            + "WHERE client_hash = :client_hash AND text_key = :text_key AND create_time > :since LIMIT 1");

    private final JdbcOperations jdbc;

    public CommentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long nextId() {
        return jdbc.prepareStatement(
                NEXT_ID.bind(Params.none()).sql(),
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong("id");
                    }
                });
    }

    public void insert(Comment c, String textKey) {
        NamedSql.Bound insert =
                INSERT.bind(
                        Params.of("id", c.id())
                                .and("article_id", c.articleId())
                                .and("parent_id", c.parentId() == 0 ? null : c.parentId())
                                .and("root_id", c.rootId())
                                .and("depth", c.depth())
                                .and("author_name", c.authorName())
                                .and("email", c.email().isEmpty() ? null : c.email())
                                .and("body", c.body())
                                .and("status", c.status().name())
                                .and("create_time", c.createTime())
                                .and("client_hash", c.clientHash())
                                .and("text_key", textKey));
        jdbc.prepareStatement(
                insert.sql(),
                ps -> {
                    insert.setOn(ps);
                    return ps.executeUpdate();
                });
    }

    public Optional<Comment> find(long id) {
        return list(FIND.bind(Params.of("id", id))).stream().findFirst();
    }

    /** Reads the comment and locks its row until the transaction ends. */
    public Optional<Comment> findForUpdate(long id) {
        return list(FIND_FOR_UPDATE.bind(Params.of("id", id))).stream().findFirst();
    }

    public void setStatus(long id, CommentStatus status) {
        NamedSql.Bound update = SET_STATUS.bind(Params.of("status", status.name()).and("id", id));
        jdbc.prepareStatement(
                update.sql(),
                ps -> {
                    update.setOn(ps);
                    return ps.executeUpdate();
                });
    }

    /** Approved top-level comments of a story after {@code afterId}, oldest first. */
    public List<Comment> approvedTopLevel(long articleId, long afterId, int limit) {
        return list(
                APPROVED_TOP_LEVEL.bind(
                        Params.of("article_id", articleId)
                                .and("after_id", afterId)
                                .and("limit", limit)));
    }

    /** Approved replies in the threads of these top-level comments, oldest first. */
    public List<Comment> approvedReplies(List<Long> rootIds, int perThread) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return list(
                FIRST_REPLIES.bind(Params.of("root_ids", rootIds).and("per_thread", perThread)));
    }

    /** Approved replies of one thread after {@code afterId}, oldest first (the thread's further pages). */
    public List<Comment> approvedRepliesAfter(long rootId, long afterId, int limit) {
        return list(
                REPLIES_AFTER.bind(
                        Params.of("root_id", rootId).and("after_id", afterId).and("limit", limit)));
    }

    /** Comments with a status, oldest first, optionally of one story (the moderation queue). */
    public List<Comment> withStatus(CommentStatus status, long articleId, long afterId, int limit) {
        Params params =
                Params.of("status", status.name()).and("after_id", afterId).and("limit", limit);
        String story = "";
        if (articleId > 0) {
            story = " AND article_id = :article_id";
            params.and("article_id", articleId);
        }
        return list(
                NamedSql.parse(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM comment WHERE status = :status"
                                        + story
                                        + " AND id > :after_id ORDER BY id LIMIT :limit")
                        .bind(params));
    }

    /** Approved comments per story; every requested story is in the answer, in order. */
    public Map<Long, Long> approvedCounts(List<Long> articleIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, 0L));
        if (articleIds.isEmpty()) {
            return counts;
        }
        NamedSql.Bound query = APPROVED_COUNTS.bind(Params.of("article_ids", articleIds));
        jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong("article_id"), rs.getLong("approved"));
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
        NamedSql.Bound query =
                POSTED_SINCE.bind(
                        Params.of("client_hash", clientHash)
                                .and("text_key", textKey)
                                .and("since", since));
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    private List<Comment> list(NamedSql.Bound query) {
        return jdbc.prepareStatement(
                query.sql(),
                ps -> {
                    query.setOn(ps);
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
        return new Comment(
                rs.getLong("id"),
                rs.getLong("article_id"),
                rs.getLong("parent_id"),
                rs.getLong("root_id"),
                rs.getInt("depth"),
                rs.getString("author_name"),
                email == null ? "" : email,
                rs.getString("body"),
                CommentStatus.valueOf(rs.getString("status")),
                Sql.time(rs, "create_time"),
                rs.getString("client_hash"));
    }
}
