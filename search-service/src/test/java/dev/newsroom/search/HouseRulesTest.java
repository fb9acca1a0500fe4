package dev.newsroom.search;

import dev.newsroom.testing.HouseRules;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    @Test
    void searchKeepsTheHouseRules() {
        HouseRules.check("search");
    }
}
