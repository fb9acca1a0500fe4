package dev.newsroom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint and helm template over every value set in helm/newsroom/ci/. */
class ChartTest {

    static List<String> valueSets() {
        return Renders.valueSets();
    }

    @Test
    void ciHasTheFourRequiredValueSets() {
        assertThat(valueSets())
                .contains(
                        "default-values.yaml",
                        "dev-values.yaml",
                        "production-values.yaml",
                        "everything-values.yaml");
    }

    @Test
    void lintPassesStrictWithTheChartDefaults() {
        Tools.helm("lint", "--strict", Tools.CHART.toString())
                .orFail("helm lint --strict (defaults)");
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void lintPassesStrict(String valueSet) {
        Tools.helm(
                        "lint",
                        "--strict",
                        Tools.CHART.toString(),
                        "-f",
                        Renders.CI_VALUES.resolve(valueSet).toString())
                .orFail("helm lint --strict -f ci/" + valueSet);
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void everyRenderedObjectIsValidKubernetesAndFollowsThePolicy(String valueSet) {
        List<Manifest> manifests = Renders.chart(valueSet);
        assertThat(manifests).isNotEmpty();
        assertThat(Renders.findings(manifests)).isEmpty();
    }

    @Test
    void defaultsDeployEachServiceCompletelyWithExternalStores() throws IOException {
        List<Manifest> manifests = Renders.chart("default-values.yaml");
        for (String service :
                List.of("gateway", "article-service", "comment-service", "search-service")) {
            for (String kind :
                    List.of(
                            "ServiceAccount",
                            "ConfigMap",
                            "Service",
                            "Deployment",
                            "PodDisruptionBudget",
                            "NetworkPolicy")) {
                Renders.find(manifests, kind, service);
            }
            assertThat(image(Renders.find(manifests, "Deployment", service)))
                    .isEqualTo("registry.example.com/newsroom/" + service + ":" + appVersion());
        }
        Renders.find(manifests, "NetworkPolicy", "newsroom-default-deny");
        assertThat(Renders.find(manifests, "Service", "article-service").json())
                .contains("\"clusterIP\":\"None\"");
        assertThat(Renders.kindsAndNames(manifests))
                .noneMatch(
                        id ->
                                id.endsWith("/postgresql")
                                        || id.endsWith("/redis")
                                        || id.equals("Secret/newsroom-dev"));
        assertThat(Renders.find(manifests, "ConfigMap", "article-service").body().get("data"))
                .isEqualTo(
                        Map.of(
                                "NEWSROOM_ARTICLE_GRPC_PORT", "9091",
                                "NEWSROOM_ARTICLE_HTTP_PORT", "8081",
                                "NEWSROOM_ARTICLE_DB_URL",
                                        "jdbc:postgresql://postgresql:5432/articles",
                                "NEWSROOM_ARTICLE_DB_USER", "article_service",
                                "NEWSROOM_DATA_DIR", "/tmp",
                                "NEWSROOM_BIND_HOST", "0.0.0.0",
                                "NEWSROOM_REDIS_URL", "redis://redis:6379"));
        assertThat(Renders.find(manifests, "ConfigMap", "gateway").body().get("data"))
                .isEqualTo(
                        Map.ofEntries(
                                Map.entry("NEWSROOM_GATEWAY_PORT", "8080"),
                                Map.entry("NEWSROOM_GATEWAY_OPS_PORT", "8090"),
                                Map.entry(
                                        "NEWSROOM_ARTICLE_SERVICE_ADDRESS", "article-service:9091"),
                                Map.entry(
                                        "NEWSROOM_COMMENT_SERVICE_ADDRESS", "comment-service:9092"),
                                Map.entry("NEWSROOM_SEARCH_SERVICE_ADDRESS", "search-service:9093"),
                                Map.entry("NEWSROOM_GATEWAY_GRPC_LB_POLICY", "round_robin"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_LIMIT_ENABLED", "true"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_READ_BURST", "120"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_READ_PER_MINUTE", "600"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_SEARCH_BURST", "20"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_SEARCH_PER_MINUTE", "60"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_WRITE_BURST", "100"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_WRITE_PER_MINUTE", "300"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_COMMENT_BURST", "5"),
                                Map.entry("NEWSROOM_GATEWAY_RATE_COMMENT_PER_MINUTE", "5"),
                                Map.entry("NEWSROOM_BIND_HOST", "0.0.0.0"),
                                Map.entry("NEWSROOM_REDIS_URL", "redis://redis:6379")));
        assertThat(Renders.find(manifests, "ConfigMap", "comment-service").body().get("data"))
                .isEqualTo(
                        Map.of(
                                "NEWSROOM_COMMENT_GRPC_PORT", "9092",
                                "NEWSROOM_COMMENT_HTTP_PORT", "8082",
                                "NEWSROOM_ARTICLE_SERVICE_ADDRESS", "article-service:9091",
                                "NEWSROOM_COMMENT_DB_URL",
                                        "jdbc:postgresql://postgresql:5432/comments",
                                "NEWSROOM_COMMENT_DB_USER", "comment_service",
                                "NEWSROOM_DATA_DIR", "/tmp",
                                "NEWSROOM_BIND_HOST", "0.0.0.0",
                                "NEWSROOM_REDIS_URL", "redis://redis:6379"));
        // the internal key of the call tokens, from its Secret, in every pod (docs/security.md)
        for (String service :
                List.of("gateway", "article-service", "comment-service", "search-service")) {
            assertThat(Renders.find(manifests, "Deployment", service).json())
                    .contains(
                            "{\"name\":\"NEWSROOM_INTERNAL_KEY\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"newsroom-internal-key\",\"key\":\"key\"}}}");
        }
    }

    @Test
    void articleServiceIsProbedOverGrpcAndTheGatewayOverHttp() {
        List<Manifest> manifests = Renders.chart("default-values.yaml");
        String article = Renders.find(manifests, "Deployment", "article-service").json();
        String gateway = Renders.find(manifests, "Deployment", "gateway").json();
        assertThat(article)
                .contains("\"startupProbe\":{\"grpc\":{\"port\":9091}")
                .contains("\"readinessProbe\":{\"grpc\":{\"port\":9091}")
                .contains("\"livenessProbe\":{\"grpc\":{\"port\":9091}");
        // the gateway's probes use its operations port, which no Ingress rule sends the public to
        assertThat(gateway)
                .contains("\"readinessProbe\":{\"httpGet\":{\"path\":\"/readyz\",\"port\":\"ops\"}")
                .contains(
                        "\"livenessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":\"ops\"}");
    }

    @Test
    void devDeploysSingleInstanceStoresAndUsesTheDevSecret() {
        List<Manifest> manifests = Renders.chart("dev-values.yaml");
        for (String store : List.of("postgresql", "redis")) {
            Renders.find(manifests, "Deployment", store);
            Renders.find(manifests, "Service", store);
            Renders.find(manifests, "NetworkPolicy", store);
        }
        assertThat(Renders.find(manifests, "Secret", "newsroom-dev").annotations())
                .containsKey("newsroom.dev/warning");
        assertThat(Renders.find(manifests, "Deployment", "article-service").json())
                .contains(
                        "\"name\":\"NEWSROOM_ARTICLE_DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"newsroom-dev\"");
        assertThat(Renders.find(manifests, "Deployment", "gateway").json())
                .contains(
                        "\"name\":\"NEWSROOM_JWT_SECRET\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"newsroom-dev\"");
    }

    @Test
    void productionAutoscalesAndReachesOnlyTheExternalStores() {
        List<Manifest> manifests = Renders.chart("production-values.yaml");
        for (String service :
                List.of("gateway", "article-service", "comment-service", "search-service")) {
            Renders.find(manifests, "HorizontalPodAutoscaler", service);
            assertThat(Renders.find(manifests, "Deployment", service).json())
                    .doesNotContain("\"replicas\"");
        }
        assertThat(Renders.kindsAndNames(manifests))
                .noneMatch(
                        id ->
                                id.startsWith("Deployment/postgresql")
                                        || id.startsWith("Deployment/redis"));
        assertThat(Renders.find(manifests, "NetworkPolicy", "article-service").json())
                .contains("{\"ipBlock\":{\"cidr\":\"10.20.0.0/24\"}}")
                .contains("{\"ipBlock\":{\"cidr\":\"10.20.1.0/24\"}}");
        assertThat(Renders.find(manifests, "ConfigMap", "gateway").json())
                .contains("NEWSROOM_JWT_JWKS_URI")
                .doesNotContain("NEWSROOM_REDIS_URL");
    }

    @Test
    void everythingOptionalRendersIngressRouteMonitorsAndTests() {
        List<Manifest> manifests = Renders.chart("everything-values.yaml");
        Renders.find(manifests, "Ingress", "gateway");
        Renders.find(manifests, "HTTPRoute", "gateway");
        Renders.find(manifests, "ServiceMonitor", "gateway");
        Renders.find(manifests, "ServiceMonitor", "article-service");
        Renders.find(manifests, "HorizontalPodAutoscaler", "gateway");
    }

    @Test
    void theIngressSendsThePublicOnlyToThePublicPortAndTrustedProxiesAreRequiredWithIt() {
        List<Manifest> manifests = Renders.chart("production-values.yaml");
        String ingress = Renders.find(manifests, "Ingress", "gateway").json();
        assertThat(ingress).contains("\"port\":{\"name\":\"http\"}").doesNotContain("\"ops\"");
        assertThat(Renders.find(manifests, "ConfigMap", "gateway").body().get("data").toString())
                .contains("NEWSROOM_GATEWAY_TRUSTED_PROXIES=10.244.0.0/16");
        String gateway = Renders.find(manifests, "Deployment", "gateway").json();
        assertThat(gateway).doesNotContain("local-dev-only").doesNotContain("NEWSROOM_PROFILE");

        Tools.Result refused =
                Tools.helm(
                        "template",
                        "newsroom",
                        Tools.CHART.toString(),
                        "-f",
                        Renders.CI_VALUES.resolve("production-values.yaml").toString(),
                        "--set",
                        "gateway.trustedProxies=null");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.stderr()).contains("gateway.trustedProxies");
    }

    @Test
    void helmTestPodsCheckGatewayReadinessAndAPublicApiCall() {
        List<Manifest> manifests = Renders.chart("default-values.yaml");
        Manifest readyz = Renders.find(manifests, "Pod", "gateway-test-readyz");
        Manifest api = Renders.find(manifests, "Pod", "gateway-test-api");
        assertThat(readyz.isTestHook()).isTrue();
        assertThat(api.isTestHook()).isTrue();
        assertThat(readyz.json()).contains("http://gateway:8090/readyz");
        assertThat(api.json())
                .contains("http://gateway:8080/api/v1/sections")
                .contains("test \\\"$code\\\" = 200");
    }

    static String appVersion() throws IOException {
        Matcher matcher =
                Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)\"?")
                        .matcher(Files.readString(Tools.CHART.resolve("Chart.yaml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static String image(Manifest deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.body().get("spec");
        Map<String, Object> pod =
                (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return (String) ((List<Map<String, Object>>) pod.get("containers")).get(0).get("image");
    }
}
