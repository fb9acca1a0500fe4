package dev.newsroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class TestServersTest {
    @Test
    void aFreshSchemaIsARealPostgresqlOfItsOwn() throws Exception {
        TestPostgres.Schema a = TestPostgres.freshSchema();
        TestPostgres.Schema b = TestPostgres.freshSchema();
        try (Connection c = DriverManager.getConnection(a.url(), a.user(), a.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE story (id BIGINT PRIMARY KEY, headline TEXT)");
            st.execute("INSERT INTO story VALUES (1, 'گزارش')");
            try (ResultSet rs = st.executeQuery("SELECT headline, version() FROM story")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("گزارش");
                assertThat(rs.getString(2)).startsWith("PostgreSQL");
            }
        }
        try (Connection c = DriverManager.getConnection(b.url(), b.user(), b.password());
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                                        + b.name()
                                        + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the other schema sees no table").isZero();
        }
        a.drop();
        b.drop();
    }

    @Test
    void aFreshDatabaseIsDroppedOnClose() throws Exception {
        String name;
        try (TestPostgres.Database db = TestPostgres.freshDatabase("ts_")) {
            name = db.name();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
        }
        TestPostgres.Server server = TestPostgres.server();
        try (Connection c =
                        DriverManager.getConnection(
                                server.url(), server.user(), server.password());
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM pg_database WHERE datname = '"
                                        + name
                                        + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void anotherDatabaseKeepsTheServerAndItsParameters() {
        TestPostgres.Server server =
                new TestPostgres.Server(
                        "jdbc:postgresql://db:5432/postgres?ssl=false", "u", "p", "test");
        assertThat(server.urlOf("e2e_1")).isEqualTo("jdbc:postgresql://db:5432/e2e_1?ssl=false");
        assertThat(new TestPostgres.Server("jdbc:postgresql://db/x", "u", "p", "test").urlOf("y"))
                .isEqualTo("jdbc:postgresql://db/y");
    }

    @Test
    void redisIsARealServerWithDatabasesApart() {
        try (RedisClient nine = TestRedis.client(9);
                RedisClient ten = TestRedis.client(10)) {
            String key = TestRedis.freshPrefix() + "k";
            nine.set(key, "v");
            assertThat(nine.get(key)).isEqualTo("v");
            assertThat(ten.get(key)).isNull();
            TestRedis.flush(9);
            assertThat(nine.get(key)).isNull();
        }
    }
}
