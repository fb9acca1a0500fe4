package dev.newsroom.article.desk;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505 on PostgreSQL and H2) under wrappers. */
final class UniqueViolation {
    private UniqueViolation() {}

    static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
