package dev.newsroom.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** k8s/ must be exactly what helm/generate-k8s.sh generates from the chart now. */
final class K8sDrift {
    private K8sDrift() {}

    /** Runs helm/generate-k8s.sh into a directory, with the same helm the tests use. */
    static void generate(Path into) {
        Tools.run(
                        List.of(
                                "bash",
                                Tools.HELM_DIR.resolve("generate-k8s.sh").toString(),
                                into.toString()),
                        Map.of("HELM", Tools.helm().toString()))
                .orFail("helm/generate-k8s.sh");
    }

    /** Differences between the generated tree and the committed one; empty when up to date. */
    static List<String> diff(Path generated, Path committed) {
        Set<String> paths = new TreeSet<>(files(generated));
        paths.addAll(files(committed));
        List<String> findings = new ArrayList<>();
        for (String path : paths) {
            Path fresh = generated.resolve(path);
            Path current = committed.resolve(path);
            if (!Files.exists(current)) {
                findings.add("k8s/" + path + ": missing (generate-k8s.sh produces it)");
            } else if (!Files.exists(fresh)) {
                findings.add(
                        "k8s/"
                                + path
                                + ": not produced by generate-k8s.sh (stale or hand-written)");
            } else if (!Arrays.equals(read(fresh), read(current))) {
                findings.add("k8s/" + path + ": differs from a fresh generation");
            }
        }
        return findings;
    }

    private static Set<String> files(Path root) {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
