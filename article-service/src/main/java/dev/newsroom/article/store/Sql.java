package dev.newsroom.article.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Small JDBC conversions shared by the stores: times read back as instants (NamedSql writes them as UTC offset times), tags as lines. */
final class Sql {
    private Sql() {}

    static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String joinTags(List<String> tags) {
        return String.join("\n", tags);
    }

    static List<String> splitTags(String tags) {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n"));
    }
}
