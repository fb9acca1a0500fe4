package dev.newsroom.gateway.sample;

import dev.newsroom.article.domain.LeakyRule;

/** A gateway class that uses a service's code: HouseRulesTest's proof that the rule bites. */
public final class ReachesIntoAService {
    private ReachesIntoAService() {}

    public static boolean check(java.sql.Connection c) throws java.sql.SQLException {
        return LeakyRule.open(c);
    }
}
