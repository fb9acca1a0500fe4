package dev.newsroom.service.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void eachNameIsBoundWhereverItAppears() {
        NamedSql sql =
                NamedSql.parse(
                        "SELECT * FROM article WHERE (publish_time < :after OR (publish_time = :after AND id < :id)) LIMIT :limit");
        NamedSql.Bound b = sql.bind(Params.of("limit", 21).and("id", 7L).and("after", "t"));
        assertThat(b.sql())
                .isEqualTo(
                        "SELECT * FROM article WHERE (publish_time < ? OR (publish_time = ? AND id < ?)) LIMIT ?");
        assertThat(b.values()).containsExactly("t", "t", 7L, 21);
        assertThat(sql.names()).containsExactly("after", "id", "limit");
    }

    @Test
    void aValueWithoutItsNameInTheStatementIsRefused() {
        NamedSql sql = NamedSql.parse("SELECT 1 FROM article WHERE id = :id");
        assertThatThrownBy(() -> sql.bind(Params.of("id", 1L).and("slug", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":slug");
    }

    @Test
    void aNameWithoutAValueIsRefused() {
        NamedSql sql = NamedSql.parse("UPDATE article SET slug = :slug WHERE id = :id");
        assertThatThrownBy(() -> sql.bind(Params.of("id", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":slug");
    }

    @Test
    void nullIsAValueNotAMissingOne() {
        NamedSql.Bound b =
                NamedSql.parse("UPDATE article SET schedule_time = :t").bind(Params.of("t", null));
        assertThat(b.values()).containsExactly((Object) null);
    }

    @Test
    void colonsInLiteralsQuotedNamesAndCommentsAreNotParameters() {
        NamedSql sql =
                NamedSql.parse(
                        "SELECT 'at :noon', 'it''s :late', \"odd:column\", :x -- :not\n/* :nor */ FROM t");
        NamedSql.Bound b = sql.bind(Params.of("x", 1));
        assertThat(b.sql())
                .isEqualTo(
                        "SELECT 'at :noon', 'it''s :late', \"odd:column\", ? -- :not\n/* :nor */ FROM t");
        assertThat(sql.names()).containsExactly("x");
    }

    @Test
    void aCastIsNotAParameterButMayFollowOne() {
        NamedSql sql = NamedSql.parse("SELECT :since::timestamptz, '2026-01-01'::date, a[1:2]");
        assertThat(sql.bind(Params.of("since", "s")).sql())
                .isEqualTo("SELECT ?::timestamptz, '2026-01-01'::date, a[1:2]");
    }

    @Test
    void positionalParametersAndUnclosedLiteralsAreRefused() {
        assertThatThrownBy(() -> NamedSql.parse("SELECT * FROM t WHERE id = ?"))
                .hasMessageContaining("positional");
        assertThatThrownBy(() -> NamedSql.parse("SELECT 'open"))
                .hasMessageContaining("unclosed string literal");
        assertThatThrownBy(() -> NamedSql.parse("SELECT \"open"))
                .hasMessageContaining("unclosed quoted identifier");
        assertThatThrownBy(() -> NamedSql.parse("SELECT /* open"))
                .hasMessageContaining("unclosed comment");
        assertThat(NamedSql.parse("SELECT '?'").bind(Params.none()).sql()).isEqualTo("SELECT '?'");
    }

    @Test
    void aCollectionBecomesOneParameterPerElement() {
        NamedSql sql =
                NamedSql.parse(
                        "SELECT * FROM comment WHERE root_id IN (:roots) AND status = :status");
        NamedSql.Bound b =
                sql.bind(Params.of("roots", List.of(3L, 5L, 8L)).and("status", "APPROVED"));
        assertThat(b.sql())
                .isEqualTo("SELECT * FROM comment WHERE root_id IN (?, ?, ?) AND status = ?");
        assertThat(b.values()).containsExactly(3L, 5L, 8L, "APPROVED");
        assertThatThrownBy(() -> sql.bind(Params.of("roots", List.of()).and("status", "x")))
                .hasMessageContaining("empty");
    }

    @Test
    void instantsGoOutAsUtcOffsetTimes() {
        Instant t = Instant.parse("2026-03-20T10:15:30.123456Z");
        NamedSql.Bound b = NamedSql.parse("SELECT :t").bind(Params.of("t", t));
        assertThat(b.values())
                .containsExactly(
                        OffsetDateTime.of(2026, 3, 20, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
    }

    @Test
    void insertAndAssignmentsNameEachColumnAfterItself() {
        NamedSql insert = NamedSql.insert("article_tag", List.of("article_id", "tag"));
        assertThat(insert.bind(Params.of("tag", "x").and("article_id", 1L)).sql())
                .isEqualTo("INSERT INTO article_tag (article_id, tag) VALUES (?, ?)");
        assertThat(insert.names()).containsExactly("article_id", "tag");
        assertThat(NamedSql.assignments(List.of("slug", "version")))
                .isEqualTo("slug = :slug, version = :version");
        assertThatThrownBy(() -> NamedSql.insert("t", List.of("a; DROP TABLE t")))
                .hasMessageContaining("not a plain SQL name");
    }

    @Test
    void theSameNameTwiceInParamsIsASlip() {
        assertThatThrownBy(() -> Params.of("id", 1).and("id", 2)).hasMessageContaining("twice");
    }

    @Test
    void parsingIsOneLinearPassEvenOverHugeOrHostileText() {
        char[] quotes = new char[2_000_000];
        Arrays.fill(quotes, '\'');
        char[] colons = new char[2_000_000];
        Arrays.fill(colons, ':');
        String manyNames = ":a ".repeat(200_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> {
                    assertThat(NamedSql.parse(new String(quotes)).names()).isEmpty();
                    assertThat(NamedSql.parse(new String(colons)).names()).isEmpty();
                    assertThat(NamedSql.parse(manyNames).bind(Params.of("a", 1)).values())
                            .hasSize(200_000);
                    assertThatThrownBy(() -> NamedSql.parse("SELECT '" + "x".repeat(2_000_000)))
                            .hasMessageContaining("unclosed");
                });
    }
}
