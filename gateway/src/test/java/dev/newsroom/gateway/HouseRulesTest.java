package dev.newsroom.gateway;

import dev.newsroom.testing.HouseRules;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    @Test
    void gatewayKeepsTheHouseRules() {
        HouseRules.check("gateway");
    }
}
