package dev.newsroom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks bite: each takes a good render, breaks one rule, runs it through the same
 * pipeline as the real renders (YAML text → schema check → policy check) and expects the
 * break to be reported.
 */
class ChecksBiteTest {

    private static final String GATEWAY_CONTAINER = "spec.template.spec.containers[0]";

    @Test
    void theUnbrokenRenderPassesTheSamePipeline() {
        assertThat(
                        findingsAfter(
                                "default-values.yaml", "Deployment", "gateway", "spec", spec -> {}))
                .isEmpty();
    }

    @Test
    void removingAProbeFails() {
        assertThat(breakGatewayContainer(c -> c.remove("readinessProbe")))
                .anyMatch(f -> f.contains("readinessProbe missing"));
        assertThat(breakGatewayContainer(c -> c.remove("livenessProbe")))
                .anyMatch(f -> f.contains("livenessProbe missing"));
    }

    @Test
    void anUnknownFieldFails() {
        assertThat(
                        breakGatewayContainer(
                                c -> c.put("livenessProbee", Map.of("grpc", Map.of("port", 9091)))))
                .anyMatch(f -> f.contains("livenessProbee") && f.contains("not defined"));
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Service",
                                "gateway",
                                "spec",
                                spec -> spec.put("clusterIp", "None")))
                .anyMatch(f -> f.contains("clusterIp"));
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Deployment",
                                "gateway",
                                "spec",
                                spec -> spec.put("replicas", "two")))
                .anyMatch(f -> f.contains("Deployment/gateway"));
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Deployment",
                                "gateway",
                                "spec",
                                spec -> spec.put("replicas", "2")))
                .anyMatch(f -> f.contains(".spec.replicas: wrong type"));
        assertThat(
                        breakGatewayContainer(
                                c ->
                                        at(c, "securityContext")
                                                .put("readOnlyRootFilesystem", "true")))
                .anyMatch(f -> f.contains("readOnlyRootFilesystem: wrong type"));
    }

    @Test
    void theLatestTagFails() {
        assertThat(
                        breakGatewayContainer(
                                c ->
                                        c.put(
                                                "image",
                                                "registry.example.com/newsroom/gateway:latest")))
                .anyMatch(f -> f.contains("uses the tag latest"));
        assertThat(
                        breakGatewayContainer(
                                c -> c.put("image", "registry.example.com:5000/newsroom/gateway")))
                .anyMatch(f -> f.contains("has no tag"));
    }

    @Test
    void droppingTheSecurityContextFails() {
        assertThat(breakGatewayContainer(c -> c.remove("securityContext")))
                .anyMatch(f -> f.contains("securityContext missing"))
                .anyMatch(f -> f.contains("readOnlyRootFilesystem must be true"))
                .anyMatch(f -> f.contains("capabilities must drop ALL"))
                .anyMatch(f -> f.contains("allowPrivilegeEscalation must be false"));
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Deployment",
                                "gateway",
                                "spec.template.spec",
                                pod -> {
                                    pod.remove("securityContext");
                                    at(pod, "containers[0].securityContext").remove("runAsNonRoot");
                                    at(pod, "containers[0].securityContext")
                                            .remove("seccompProfile");
                                }))
                .anyMatch(f -> f.contains("runAsNonRoot must be true"))
                .anyMatch(f -> f.contains("seccompProfile must be RuntimeDefault"));
    }

    @Test
    void eachSecuritySettingIsChecked() {
        assertThat(breakGatewayContainer(c -> at(c, "securityContext").put("runAsUser", 0)))
                .anyMatch(f -> f.contains("non-root UID"));
        assertThat(
                        breakGatewayContainer(
                                c ->
                                        at(c, "securityContext")
                                                .put("allowPrivilegeEscalation", true)))
                .anyMatch(f -> f.contains("allowPrivilegeEscalation must be false"));
        assertThat(breakGatewayContainer(c -> at(c, "securityContext").put("privileged", true)))
                .anyMatch(f -> f.contains("privileged"));
        assertThat(breakGatewayContainer(c -> c.remove("volumeMounts")))
                .anyMatch(f -> f.contains("writable /tmp"));
    }

    @Test
    void missingRequestsOrLimitsFail() {
        assertThat(breakGatewayContainer(c -> at(c, "resources").remove("limits")))
                .anyMatch(f -> f.contains("resources.limits.memory missing"));
        assertThat(breakGatewayContainer(c -> at(c, "resources.requests").remove("cpu")))
                .anyMatch(f -> f.contains("resources.requests.cpu missing"));
    }

    @Test
    void helmTestPodsNeedEverythingButProbes() {
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Pod",
                                "gateway-test-api",
                                "spec.containers[0]",
                                c -> c.remove("securityContext")))
                .anyMatch(
                        f ->
                                f.contains("Pod/gateway-test-api")
                                        && f.contains("securityContext missing"))
                .noneMatch(f -> f.contains("Probe missing"));
    }

    @Test
    void aMissingStandardLabelFails() {
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Service",
                                "article-service",
                                "metadata.labels",
                                l -> l.remove("app.kubernetes.io/part-of")))
                .anyMatch(
                        f ->
                                f.contains("Service/article-service")
                                        && f.contains("app.kubernetes.io/part-of missing"));
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Deployment",
                                "gateway",
                                "spec.template.metadata.labels",
                                l -> l.remove("app.kubernetes.io/version")))
                .anyMatch(f -> f.contains("pod label app.kubernetes.io/version missing"));
    }

    @Test
    void anUnknownKindFails() {
        assertThat(
                        findingsAfter(
                                "default-values.yaml",
                                "Service",
                                "gateway",
                                "",
                                o -> o.put("kind", "Servise")))
                .anyMatch(f -> f.contains("unknown apiVersion/kind"));
    }

    @Test
    void theCustomResourceChecksBite() {
        assertThat(
                        findingsAfter(
                                "everything-values.yaml",
                                "ServiceMonitor",
                                "gateway",
                                "spec.endpoints[0]",
                                e -> e.put("portt", "http")))
                .anyMatch(f -> f.contains("portt: unknown field"));
        assertThat(
                        findingsAfter(
                                "everything-values.yaml",
                                "ServiceMonitor",
                                "gateway",
                                "spec.endpoints[0]",
                                e -> e.put("interval", "30 seconds")))
                .anyMatch(f -> f.contains("interval"));
        assertThat(
                        findingsAfter(
                                "everything-values.yaml",
                                "HTTPRoute",
                                "gateway",
                                "spec.rules[0].backendRefs[0]",
                                b -> b.remove("name")))
                .anyMatch(f -> f.contains("name: required field missing"));
        assertThat(
                        findingsAfter(
                                "everything-values.yaml",
                                "HTTPRoute",
                                "gateway",
                                "spec.rules[0].backendRefs[0]",
                                b -> b.put("port", "8080")))
                .anyMatch(f -> f.contains("port: expected an integer"));
    }

    @Test
    void valuesOutsideTheSchemaAreRejectedByHelm() {
        assertThat(
                        Tools.helm(
                                        "template",
                                        "x",
                                        Tools.CHART.toString(),
                                        "--set",
                                        "gateway.replicas=3")
                                .stderr())
                .contains("additional properties 'replicas' not allowed");
        assertThat(
                        Tools.helm(
                                        "template",
                                        "x",
                                        Tools.CHART.toString(),
                                        "--set",
                                        "dev.redis.image=redis:latest")
                                .stderr())
                .contains("/dev/redis/image");
        assertThat(
                        Tools.helm(
                                        "template",
                                        "x",
                                        Tools.CHART.toString(),
                                        "--set-string",
                                        "articleService.grpcPort=x")
                                .stderr())
                .contains("/articleService/grpcPort");
    }

    @Test
    void anOutOfDateK8sFolderIsDetected(@TempDir Path temp) throws IOException {
        Path fresh = temp.resolve("fresh");
        Path stale = temp.resolve("stale");
        K8sDrift.generate(fresh);
        K8sDrift.generate(stale);
        assertThat(K8sDrift.diff(fresh, stale)).isEmpty();
        Path deployment = stale.resolve("overlays/prod/gateway-deployment.yaml");
        Files.writeString(
                deployment, Files.readString(deployment).replace("maxSurge: 1", "maxSurge: 2"));
        Files.writeString(stale.resolve("base/hand-written.yaml"), "kind: ConfigMap\n");
        Files.delete(stale.resolve("base/gateway-service.yaml"));
        assertThat(K8sDrift.diff(fresh, stale))
                .containsExactlyInAnyOrder(
                        "k8s/overlays/prod/gateway-deployment.yaml: differs from a fresh generation",
                        "k8s/base/hand-written.yaml: not produced by generate-k8s.sh (stale or hand-written)",
                        "k8s/base/gateway-service.yaml: missing (generate-k8s.sh produces it)");
    }

    @Test
    void theDockerfileCheckBites() throws IOException {
        String good = Files.readString(Tools.REPO.resolve("gateway/Dockerfile"));
        List<Integer> ports = List.of(8080);
        assertThat(DockerfileCheck.check("gateway", good, "gateway.jar", ports)).isEmpty();
        assertThat(
                        DockerfileCheck.check(
                                "gateway",
                                good.replace("USER 10001:10001", "USER root"),
                                "gateway.jar",
                                ports))
                .anyMatch(f -> f.contains("numeric non-root UID"));
        assertThat(
                        DockerfileCheck.check(
                                "gateway",
                                good.replace("USER 10001:10001", ""),
                                "gateway.jar",
                                ports))
                .anyMatch(f -> f.contains("numeric non-root UID"));
        assertThat(DockerfileCheck.check("gateway", good, "gateway.jar", List.of(8080, 9090)))
                .containsExactly("gateway: port 9090 not EXPOSEd");
        assertThat(
                        DockerfileCheck.check(
                                "gateway",
                                good.replace(
                                        "target/gateway.jar", "target/gateway-0.1.0-SNAPSHOT.jar"),
                                "gateway.jar",
                                ports))
                .anyMatch(f -> f.contains("does not COPY target/gateway.jar"));
        assertThat(
                        DockerfileCheck.check(
                                "gateway",
                                good.replace(
                                        "ENTRYPOINT [\"java\", \"-jar\", \"/app/gateway.jar\"]",
                                        "ENTRYPOINT java -jar /app/gateway.jar"),
                                "gateway.jar",
                                ports))
                .anyMatch(f -> f.contains("exec form"));
        assertThat(
                        DockerfileCheck.check(
                                "gateway",
                                good.replaceAll("FROM \\S+", "FROM eclipse-temurin:latest"),
                                "gateway.jar",
                                ports))
                .anyMatch(f -> f.contains("uses the tag latest"));
        assertThat(
                        DockerfileCheck.checkModulePom(
                                "gateway",
                                "<project><artifactId>gateway</artifactId></project>",
                                "gateway.jar"))
                .anyMatch(f -> f.contains("must produce target/gateway.jar"));
        assertThat(
                        DockerfileCheck.checkModulePom(
                                "gateway",
                                "<project><build><finalName>${project.artifactId}</finalName></build></project>",
                                "gateway.jar"))
                .isEmpty();
    }

    private static List<String> breakGatewayContainer(Consumer<Map<String, Object>> breakIt) {
        return findingsAfter(
                "default-values.yaml", "Deployment", "gateway", GATEWAY_CONTAINER, breakIt);
    }

    /** Renders the value set, breaks one part of one object, and checks the whole render as text. */
    private static List<String> findingsAfter(
            String valueSet,
            String kind,
            String name,
            String path,
            Consumer<Map<String, Object>> breakIt) {
        List<Manifest> copies = Renders.chart(valueSet).stream().map(Manifest::copy).toList();
        breakIt.accept(at(Renders.find(copies, kind, name).body(), path));
        return Renders.findings(Manifest.dumpAll(copies));
    }

    /** The map at a dotted path with [index] steps, e.g. "spec.template.spec.containers[0]". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> root, String path) {
        Object current = root;
        for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
            String key = step.replaceAll("\\[\\d+]$", "");
            current = ((Map<String, Object>) current).get(key);
            if (step.endsWith("]")) {
                current =
                        ((List<Object>) current)
                                .get(Integer.parseInt(step.replaceAll(".*\\[(\\d+)]$", "$1")));
            }
        }
        return (Map<String, Object>) current;
    }
}
