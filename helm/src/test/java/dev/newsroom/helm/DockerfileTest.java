package dev.newsroom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's image is built from its module folder and runs the jar that module builds. */
class DockerfileTest {

    /** service, the jar its module builds, the ports it serves (docs/architecture.md, "Ports"). */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("gateway", "gateway.jar", List.of(8080, 8090)),
                Arguments.of("article-service", "article-service.jar", List.of(9091, 8081)),
                Arguments.of("comment-service", "comment-service.jar", List.of(9092, 8082)),
                Arguments.of("search-service", "search-service.jar", List.of(9093, 8083)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void dockerfileRunsTheModulesJarAsANonRootUserAndExposesItsPorts(
            String service, String jar, List<Integer> ports) throws IOException {
        Path dockerfile = Tools.REPO.resolve(service).resolve("Dockerfile");
        assertThat(dockerfile).exists();
        assertThat(DockerfileCheck.check(service, Files.readString(dockerfile), jar, ports))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theModuleBuildsTheJarTheDockerfileCopies(String service, String jar, List<Integer> ports)
            throws IOException {
        String pom = Files.readString(Tools.REPO.resolve(service).resolve("pom.xml"));
        assertThat(DockerfileCheck.checkModulePom(service, pom, jar)).isEmpty();
    }
}
