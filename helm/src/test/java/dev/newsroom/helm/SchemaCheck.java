package dev.newsroom.helm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates objects against the Kubernetes API types of client-java: the model class for
 * apiVersion/kind (ModelMapper) parses the object with its static fromJson, which rejects
 * unknown fields and missing required fields; the parsed object is then serialized again
 * and compared with the input, which catches values of the wrong type that Gson would
 * otherwise coerce ("2" for an integer, "true" for a boolean). Custom resources client-java
 * does not know (ServiceMonitor, HTTPRoute) get the structural check in {@link CustomResourceShapes}.
 */
final class SchemaCheck {

    private SchemaCheck() {}

    static List<String> check(List<Manifest> manifests) {
        List<String> findings = new ArrayList<>();
        manifests.forEach(manifest -> findings.addAll(check(manifest)));
        return findings;
    }

    /** The typed client-java object, when the manifest is a valid built-in object. */
    static Optional<Object> typed(Manifest manifest) {
        Class<?> type = modelClass(manifest);
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    type.getMethod("fromJson", String.class).invoke(null, manifest.json()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<String> check(Manifest manifest) {
        if (manifest.apiVersion() == null || manifest.kind() == null) {
            return List.of(manifest.id() + ": apiVersion and kind are required");
        }
        Optional<CustomResourceShapes.Shape> shape =
                CustomResourceShapes.forKind(manifest.apiVersion(), manifest.kind());
        if (shape.isPresent()) {
            List<String> findings = new ArrayList<>();
            shape.get().check(manifest.body(), "", findings);
            return findings.stream().map(f -> manifest.id() + ": " + f).toList();
        }
        Class<?> type = modelClass(manifest);
        if (type == null) {
            return List.of(
                    manifest.id()
                            + ": unknown apiVersion/kind "
                            + manifest.apiVersion()
                            + " "
                            + manifest.kind());
        }
        Object parsed;
        try {
            parsed = type.getMethod("fromJson", String.class).invoke(null, manifest.json());
        } catch (InvocationTargetException e) {
            // client-java appends the whole offending JSON object; the field name is enough
            String message =
                    String.valueOf(e.getCause().getMessage()).replaceFirst("(?s) JSON: .*", "");
            return List.of(
                    manifest.id() + ": not a valid " + type.getSimpleName() + ": " + message);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no fromJson(String)", e);
        }
        List<String> findings = new ArrayList<>();
        compare(
                JsonParser.parseString(manifest.json()),
                JsonParser.parseString(JSON.serialize(parsed)),
                "",
                findings);
        return findings.stream().map(f -> manifest.id() + ": " + f).toList();
    }

    /** The generated model class; null for kinds client-java doesn't know (it maps those to a dynamic object). */
    private static Class<?> modelClass(Manifest manifest) {
        try {
            Class<?> type = ModelMapper.getApiTypeClass(manifest.apiVersion(), manifest.kind());
            return type == null || type == DynamicKubernetesObject.class ? null : type;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every value of the input must survive the typed round trip unchanged. */
    private static void compare(
            JsonElement input, JsonElement typed, String path, List<String> findings) {
        if (input.isJsonNull()) {
            return;
        }
        if (typed == null || typed.isJsonNull()) {
            findings.add(path + ": value " + input + " was dropped by the API type (wrong type?)");
        } else if (input.isJsonObject() && typed.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : input.getAsJsonObject().entrySet()) {
                JsonObject typedObject = typed.getAsJsonObject();
                compare(
                        entry.getValue(),
                        typedObject.get(entry.getKey()),
                        path + "." + entry.getKey(),
                        findings);
            }
        } else if (input.isJsonArray()
                && typed.isJsonArray()
                && input.getAsJsonArray().size() == typed.getAsJsonArray().size()) {
            for (int i = 0; i < input.getAsJsonArray().size(); i++) {
                compare(
                        input.getAsJsonArray().get(i),
                        typed.getAsJsonArray().get(i),
                        path + "[" + i + "]",
                        findings);
            }
        } else if (!samePrimitive(input, typed)) {
            findings.add(
                    path
                            + ": wrong type or value "
                            + input
                            + " (the API type reads it as "
                            + typed
                            + ")");
        }
    }

    private static boolean samePrimitive(JsonElement input, JsonElement typed) {
        if (!input.isJsonPrimitive() || !typed.isJsonPrimitive()) {
            return false;
        }
        var a = input.getAsJsonPrimitive();
        var b = typed.getAsJsonPrimitive();
        if (a.isNumber() && b.isNumber()) {
            return a.getAsBigDecimal().compareTo(b.getAsBigDecimal()) == 0;
        }
        if (a.isString() && b.isString() && !a.getAsString().equals(b.getAsString())) {
            return sameQuantity(a.getAsString(), b.getAsString());
        }
        if (a.isNumber() && b.isString()) {
            // a Quantity given as a bare number (cpu: 2) comes back as a string
            return sameQuantity(a.getAsString(), b.getAsString());
        }
        if (a.isString() && b.isNumber()) {
            // a string where the API type wants a number, coerced by Gson ("2" for replicas)
            return false;
        }
        return a.equals(b);
    }

    /** "1000m" and "1" are the same quantity; client-java normalizes the spelling. */
    private static boolean sameQuantity(String a, String b) {
        try {
            return new Quantity(a).getNumber().compareTo(new Quantity(b).getNumber()) == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
