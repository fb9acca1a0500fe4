package dev.newsroom.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** What the chart and the plain manifests render to, and the checks every render must pass. */
final class Renders {
    static final Path CI_VALUES = Tools.CHART.resolve("ci");
    static final String RELEASE = "newsroom";
    static final String NAMESPACE = "newsroom";

    private static final Map<String, List<Manifest>> CACHE = new ConcurrentHashMap<>();

    private Renders() {}

    /** The value sets under helm/newsroom/ci/, by file name. */
    static List<String> valueSets() {
        try (Stream<Path> files = Files.list(CI_VALUES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** `helm template` of the chart with one ci/ value set (test hooks included). */
    static String helmTemplate(String valueSet, String... extraArgs) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "template",
                                RELEASE,
                                Tools.CHART.toString(),
                                "--namespace",
                                NAMESPACE,
                                "-f",
                                CI_VALUES.resolve(valueSet).toString()));
        args.addAll(List.of(extraArgs));
        return Tools.helm(args.toArray(String[]::new)).orFail("helm template -f ci/" + valueSet);
    }

    static List<Manifest> chart(String valueSet) {
        return CACHE.computeIfAbsent(
                "chart:" + valueSet,
                key ->
                        List.copyOf(
                                Manifest.parseAll(
                                        helmTemplate(valueSet),
                                        "helm template -f ci/" + valueSet)));
    }

    /** `kubectl kustomize k8s/overlays/<overlay>`. */
    static List<Manifest> overlay(String overlay) {
        return CACHE.computeIfAbsent(
                "overlay:" + overlay,
                key -> {
                    String yaml =
                            Tools.kubectl(
                                            "kustomize",
                                            Tools.K8S
                                                    .resolve("overlays")
                                                    .resolve(overlay)
                                                    .toString())
                                    .orFail("kubectl kustomize k8s/overlays/" + overlay);
                    return List.copyOf(Manifest.parseAll(yaml, "k8s/overlays/" + overlay));
                });
    }

    /** Schema check, then policy check: every finding of both. */
    static List<String> findings(List<Manifest> manifests) {
        List<String> findings = new ArrayList<>(SchemaCheck.check(manifests));
        findings.addAll(PolicyCheck.check(manifests));
        return findings;
    }

    /** The same checks over YAML text (used on deliberately broken renders). */
    static List<String> findings(String yaml) {
        return findings(Manifest.parseAll(yaml, "broken render"));
    }

    static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> kind.equals(m.kind()) && name.equals(m.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    static List<String> kindsAndNames(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.kind() + "/" + m.name()).sorted().toList();
    }
}
