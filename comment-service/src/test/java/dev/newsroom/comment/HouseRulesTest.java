package dev.newsroom.comment;

import dev.newsroom.testing.HouseRules;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    @Test
    void commentKeepsTheHouseRules() {
        HouseRules.check("comment");
    }
}
