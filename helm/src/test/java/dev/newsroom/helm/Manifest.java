package dev.newsroom.helm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** One Kubernetes object as rendered (a YAML document), with where it came from. */
record Manifest(String origin, Map<String, Object> body) {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** Every non-empty document of a multi-document YAML stream; duplicate keys are an error. */
    @SuppressWarnings("unchecked")
    static List<Manifest> parseAll(String yaml, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException(
                        origin + ": a document is not a mapping: " + document);
            }
            manifests.add(new Manifest(origin, (Map<String, Object>) document));
        }
        return manifests;
    }

    static String dumpAll(List<Manifest> manifests) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(new Representer(options), options);
        StringBuilder out = new StringBuilder();
        for (Manifest manifest : manifests) {
            out.append("---\n").append(yaml.dump(manifest.body()));
        }
        return out.toString();
    }

    String apiVersion() {
        return body.get("apiVersion") instanceof String s ? s : null;
    }

    String kind() {
        return body.get("kind") instanceof String s ? s : null;
    }

    String name() {
        return metadata().get("name") instanceof String s ? s : null;
    }

    /** "Kind/name (origin)", for messages. */
    String id() {
        return kind() + "/" + name() + " (" + origin + ")";
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> metadata() {
        return body.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
        return metadata().get("labels") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> annotations() {
        return metadata().get("annotations") instanceof Map<?, ?> m
                ? (Map<String, String>) m
                : Map.of();
    }

    /** A `helm test` hook (exempt from the probe rule). */
    boolean isTestHook() {
        return String.valueOf(annotations().get("helm.sh/hook")).contains("test");
    }

    String json() {
        return GSON.toJson(body);
    }

    /** A deep copy, for tests that break a render on purpose. */
    Manifest copy() {
        return parseAll(dumpAll(List.of(this)), origin).get(0);
    }
}
