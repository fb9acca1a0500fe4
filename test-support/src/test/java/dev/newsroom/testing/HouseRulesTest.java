package dev.newsroom.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.newsroom.article.domain.LeakyRule;
import dev.newsroom.gateway.sample.ReachesIntoAService;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    private static final JavaClasses SAMPLES =
            new ClassFileImporter().importClasses(LeakyRule.class, ReachesIntoAService.class);

    @Test
    void aDomainClassUsingJdbcBreaksTheRule() {
        assertThatThrownBy(() -> HouseRules.domainKnowsNoTransport("article").check(SAMPLES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection");
        assertThatCode(() -> HouseRules.domainKnowsNoTransport("comment").check(SAMPLES))
                .doesNotThrowAnyException();
    }

    @Test
    void theGatewayUsingAServicesCodeBreaksTheRule() {
        assertThatThrownBy(() -> HouseRules.onlyItselfAndTheContract("gateway").check(SAMPLES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.newsroom.article.domain.LeakyRule");
        assertThatCode(() -> HouseRules.onlyItselfAndTheContract("article").check(SAMPLES))
                .doesNotThrowAnyException();
    }

    @Test
    void theseTestsKeepTheRulesThemselves() {
        HouseRules.noTestIsSwitchedOff()
                .check(new ClassFileImporter().importClasses(HouseRulesTest.class));
    }
}
