package dev.newsroom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** k8s/: the kustomize overlays generated from the chart. */
class PlainManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayIsValidKubernetesAndFollowsThePolicy(String overlay) {
        List<Manifest> manifests = Renders.overlay(overlay);
        assertThat(manifests).isNotEmpty();
        assertThat(Renders.findings(manifests)).isEmpty();
        assertThat(manifests)
                .allSatisfy(
                        m -> {
                            assertThat(m.metadata()).containsEntry("namespace", "newsroom");
                            assertThat(m.labels())
                                    .containsEntry("app.kubernetes.io/managed-by", "kustomize");
                        });
    }

    @ParameterizedTest
    @CsvSource({"dev, dev-values.yaml", "prod, production-values.yaml"})
    void eachOverlayHoldsExactlyTheChartsObjectsForItsValueSet(String overlay, String valueSet) {
        List<Manifest> chart =
                Manifest.parseAll(Renders.helmTemplate(valueSet, "--skip-tests"), valueSet);
        assertThat(Renders.kindsAndNames(Renders.overlay(overlay)))
                .isEqualTo(Renders.kindsAndNames(chart));
    }

    @Test
    void k8sIsWhatGenerateK8sProducesFromTheChartNow(@TempDir Path generated) {
        K8sDrift.generate(generated);
        assertThat(K8sDrift.diff(generated, Tools.K8S))
                .as("k8s/ is out of date: run helm/generate-k8s.sh and commit the result")
                .isEmpty();
    }
}
