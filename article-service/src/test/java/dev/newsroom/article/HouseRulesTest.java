package dev.newsroom.article;

import dev.newsroom.testing.HouseRules;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    @Test
    void articleKeepsTheHouseRules() {
        HouseRules.check("article");
    }
}
