package dev.newsroom.service.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement whose parameters are named ({@code :article_id}) instead of counted
 * ({@code ?} number 17), so a value goes to its column by name and a reordered column list
 * cannot shift it onto another one.
 *
 * <p>{@link #parse} reads the text once, left to right, with no regular expression: string
 * literals ({@code '…'}, {@code ''} inside), quoted identifiers ({@code "…"}), comments
 * ({@code --}, <code>/* … *&#47;</code>) and casts ({@code ::bigint}) pass through untouched; a
 * {@code :} followed by a letter or {@code _} starts a name. A positional {@code ?} is
 * refused, so a statement is all names or rejected. Not understood (and not used here):
 * PostgreSQL's {@code E'…'} escapes and dollar quoting.
 *
 * <p>{@link #bind} checks the values against the names, both ways: a name without a value
 * and a value without a name are errors, before anything reaches the database. A name may
 * appear more than once; a collection value becomes {@code ?, ?, …} (for {@code IN (:ids)}).
 */
public final class NamedSql {
    /** Text around the parameters: {@code text.size() == names.size() + 1}. */
    private final List<String> text;

    /** The parameter at each place, in order (repeats included). */
    private final List<String> names;

    private final Set<String> distinct;

    private NamedSql(List<String> text, List<String> names) {
        this.text = List.copyOf(text);
        this.names = List.copyOf(names);
        this.distinct = new LinkedHashSet<>(names);
    }

    /** Parses {@code sql}; throws {@link IllegalArgumentException} for a {@code ?} or an unclosed literal. */
    public static NamedSql parse(String sql) {
        List<String> text = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "unclosed "
                                    + (c == '"' ? "quoted identifier" : "string literal")
                                    + " at "
                                    + i
                                    + " in: "
                                    + shown(sql));
                }
                end++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "unclosed comment at " + i + " in: " + shown(sql));
                }
                end += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && nameStart(sql.charAt(i + 1))) {
                end = i + 2;
                while (end < n && namePart(sql.charAt(end))) {
                    end++;
                }
                text.add(piece.toString());
                piece = new StringBuilder();
                names.add(sql.substring(i + 1, end));
                i = end;
                continue;
            } else if (c == '?') {
                throw new IllegalArgumentException(
                        "positional ? at " + i + "; name the parameter (:name) in: " + shown(sql));
            } else {
                end = i + 1;
            }
            piece.append(sql, i, end);
            i = end;
        }
        text.add(piece.toString());
        return new NamedSql(text, names);
    }

    /** {@code INSERT INTO table (a, b) VALUES (:a, :b)}: each column bound from the value of its own name. */
    public static NamedSql insert(String table, List<String> columns) {
        List<String> values = columns.stream().map(c -> ":" + identifier(c)).toList();
        return parse(
                "INSERT INTO "
                        + identifier(table)
                        + " ("
                        + String.join(", ", columns)
                        + ") VALUES ("
                        + String.join(", ", values)
                        + ")");
    }

    /** {@code a = :a, b = :b}, for the SET list of an UPDATE. */
    public static String assignments(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> identifier(c) + " = :" + c).toList());
    }

    /** The parameter names, each once, in order of first appearance. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(distinct);
    }

    /** The JDBC statement for these values; throws {@link IllegalArgumentException} if names and values differ. */
    public Bound bind(Params params) {
        for (String name : distinct) {
            if (!params.has(name)) {
                throw new IllegalArgumentException(
                        "no value for :" + name + " (given: " + params.names() + ")");
            }
        }
        for (String name : params.names()) {
            if (!distinct.contains(name)) {
                throw new IllegalArgumentException(
                        "no :" + name + " in the statement (it has: " + distinct + ")");
            }
        }
        StringBuilder sql = new StringBuilder(text.get(0));
        List<Object> values = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            Object value = params.get(names.get(p));
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    throw new IllegalArgumentException(
                            ":" + names.get(p) + " is an empty list (IN () is not SQL)");
                }
                int k = 0;
                for (Object one : many) {
                    sql.append(k++ == 0 ? "?" : ", ?");
                    values.add(jdbcValue(one));
                }
            } else {
                sql.append('?');
                values.add(jdbcValue(value));
            }
            sql.append(text.get(p + 1));
        }
        return new Bound(sql.toString(), values);
    }

    /** Instants go to the database as UTC offset times (TIMESTAMP WITH TIME ZONE in PostgreSQL and H2). */
    private static Object jdbcValue(Object value) {
        return value instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : value;
    }

    /** The statement as an error message shows it: its start, enough to find it. */
    private static String shown(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "…";
    }

    static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean namePart(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    static String identifier(String name) {
        if (name.isEmpty()
                || !nameStart(name.charAt(0))
                || !name.chars().allMatch(ch -> namePart((char) ch))) {
            throw new IllegalArgumentException("not a plain SQL name: '" + name + "'");
        }
        return name;
    }

    /** A statement ready for JDBC: its text with {@code ?}s and the values in their order. */
    public record Bound(String sql, List<Object> values) {
        public Bound {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** Sets every parameter of {@code ps}, which was prepared from {@link #sql()}. */
        public void setOn(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
        }
    }
}
