package dev.newsroom.article.domain;

import java.sql.Connection;

/** A domain class that reaches into JDBC: HouseRulesTest's proof that the rule bites. */
public final class LeakyRule {
    private LeakyRule() {}

    public static boolean open(Connection c) throws java.sql.SQLException {
        return !c.isClosed();
    }
}
