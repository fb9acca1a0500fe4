package dev.newsroom.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Disabled;

/**
 * The rules that keep the house standing, checked over a module's compiled classes in its own
 * build ({@code ./mvnw verify}): services never use each other's code (they talk through the
 * proto contract), a {@code domain} package knows nothing of gRPC, protobuf, HTTP, Redis or JDBC,
 * the gateway knows the services only through {@code proto/}, and no test is switched off.
 */
public final class HouseRules {
    /** The packages of the platform's own deployables; each may use only itself, the contract and the shared libraries. */
    private static final List<String> DEPLOYABLES =
            List.of("article", "comment", "search", "gateway");

    private static final String[] TRANSPORT_AND_STORES = {
        "io.grpc..",
        "com.google.protobuf..",
        "dev.newsroom.proto..",
        "io.micronaut.http..",
        "io.micronaut.grpc..",
        "org.springframework..",
        "redis.clients..",
        "java.sql..",
        "javax.sql..",
        "io.micronaut.data..",
        "dev.newsroom.readpath..",
    };

    private HouseRules() {}

    /** Checks the module whose root package is {@code dev.newsroom.<name>} (article, comment, search, gateway). */
    public static void check(String name) {
        JavaClasses main = imported(Path.of("target", "classes"));
        JavaClasses tests = imported(Path.of("target", "test-classes"));
        onlyItselfAndTheContract(name).check(main);
        domainKnowsNoTransport(name).check(main);
        noTestIsSwitchedOff().check(tests);
        noTestClassIsSwitchedOff().check(tests);
    }

    static ArchRule onlyItselfAndTheContract(String name) {
        String[] others =
                DEPLOYABLES.stream()
                        .filter(d -> !d.equals(name))
                        .map(d -> "dev.newsroom." + d + "..")
                        .toArray(String[]::new);
        ArchRule rule =
                noClasses()
                        .that()
                        .resideInAPackage("dev.newsroom." + name + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(others)
                        .because(
                                "services talk only through the proto contract (docs/architecture.md, decisions 1 and 2)");
        if (name.equals("gateway")) {
            rule =
                    noClasses()
                            .that()
                            .resideInAPackage("dev.newsroom.gateway..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(append(others, "dev.newsroom.service.."))
                            .because(
                                    "the gateway knows the services only through proto/ (docs/architecture.md, decision 1)");
        }
        return rule;
    }

    static ArchRule domainKnowsNoTransport(String name) {
        return noClasses()
                .that()
                .resideInAPackage("dev.newsroom." + name + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TRANSPORT_AND_STORES)
                .because("domain rules are plain Java: the api, store and cache packages translate")
                .allowEmptyShould(true);
    }

    static ArchRule noTestIsSwitchedOff() {
        return noMethods()
                .should()
                .beAnnotatedWith(Disabled.class)
                .because("a test that does not run proves nothing; fix it or delete it")
                .allowEmptyShould(true);
    }

    static ArchRule noTestClassIsSwitchedOff() {
        return noClasses()
                .should()
                .beAnnotatedWith(Disabled.class)
                .because("a test that does not run proves nothing; fix it or delete it")
                .allowEmptyShould(true);
    }

    private static JavaClasses imported(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    dir.toAbsolutePath() + " is missing: run the rules in the module's own build");
        }
        return new ClassFileImporter().importPath(dir);
    }

    private static String[] append(String[] values, String more) {
        String[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = more;
        return out;
    }
}
