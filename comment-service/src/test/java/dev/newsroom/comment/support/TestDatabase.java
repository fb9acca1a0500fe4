package dev.newsroom.comment.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests run against: NEWSROOM_TEST_JDBC_URL (with _USER and
 * _PASSWORD), as .ci/run provides. Each call gets a fresh schema, so tests never see each
 * other's stories. Without the variable the tests are skipped locally and fail in CI.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public record Schema(String url, String user, String password, String name) {
        public void drop() {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                // best effort: a leftover test schema harms nothing
            }
        }
    }

    public static Schema freshSchema() {
        String base = System.getenv("NEWSROOM_TEST_JDBC_URL");
        if (base == null || base.isBlank()) {
            String why = "NEWSROOM_TEST_JDBC_URL is not set: these tests need the real PostgreSQL (.ci/run sets it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        String user = env("NEWSROOM_TEST_JDBC_USER", "postgres");
        String password = env("NEWSROOM_TEST_JDBC_PASSWORD", "");
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + base, e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new Schema(url, user, password, name);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
