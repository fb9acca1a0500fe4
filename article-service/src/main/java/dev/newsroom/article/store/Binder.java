package dev.newsroom.article.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one parameter of a statement being built. */
@FunctionalInterface
interface Binder {
    void bind(PreparedStatement ps, int index) throws SQLException;

    /** Binds every parameter of a statement. */
    @FunctionalInterface
    interface All {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
