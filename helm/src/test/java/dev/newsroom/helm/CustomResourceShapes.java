package dev.newsroom.helm;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small explicit structural check for the custom resources the chart renders and
 * client-java has no model for: ServiceMonitor (monitoring.coreos.com/v1) and HTTPRoute
 * (gateway.networking.k8s.io/v1). It knows the subset of their CRD schemas the chart uses:
 * an unknown field, a missing required field or a wrong type is a finding. metadata and
 * label selectors go through client-java's V1ObjectMeta / V1LabelSelector. A field that
 * the real CRD has but this check doesn't know must be added here before the chart uses it.
 */
final class CustomResourceShapes {

    /** Checks one value at a path, adding findings. */
    interface Shape {
        void check(Object value, String path, List<String> findings);
    }

    private static final Gson GSON = new Gson();
    private static final Pattern PROMETHEUS_DURATION =
            Pattern.compile(
                    "^(0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$");
    private static final Pattern HOSTNAME =
            Pattern.compile(
                    "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    private CustomResourceShapes() {}

    static Optional<Shape> forKind(String apiVersion, String kind) {
        return Optional.ofNullable(
                switch (apiVersion + " " + kind) {
                    case "monitoring.coreos.com/v1 ServiceMonitor" -> SERVICE_MONITOR;
                    case "gateway.networking.k8s.io/v1 HTTPRoute" -> HTTP_ROUTE;
                    default -> null;
                });
    }

    static Shape object(Set<String> required, Map<String, Shape> fields) {
        return (value, path, findings) -> {
            if (!(value instanceof Map<?, ?> map)) {
                findings.add(path + ": expected an object, got " + value);
                return;
            }
            required.stream()
                    .filter(key -> !map.containsKey(key))
                    .forEach(key -> findings.add(path + "." + key + ": required field missing"));
            map.forEach(
                    (key, child) -> {
                        Shape shape = fields.get(String.valueOf(key));
                        if (shape == null) {
                            findings.add(
                                    path
                                            + "."
                                            + key
                                            + ": unknown field (not in the "
                                            + fields.keySet()
                                            + " this resource allows)");
                        } else {
                            shape.check(child, path + "." + key, findings);
                        }
                    });
        };
    }

    static Shape list(Shape item) {
        return (value, path, findings) -> {
            if (!(value instanceof List<?> items)) {
                findings.add(path + ": expected a list, got " + value);
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                item.check(items.get(i), path + "[" + i + "]", findings);
            }
        };
    }

    static Shape nonEmptyList(Shape item) {
        Shape list = list(item);
        return (value, path, findings) -> {
            if (value instanceof List<?> items && items.isEmpty()) {
                findings.add(path + ": must not be empty");
            }
            list.check(value, path, findings);
        };
    }

    static Shape string(Pattern pattern) {
        return (value, path, findings) -> {
            if (!(value instanceof String s)) {
                findings.add(path + ": expected a string, got " + value);
            } else if (pattern != null && !pattern.matcher(s).matches()) {
                findings.add(path + ": '" + s + "' does not match " + pattern);
            }
        };
    }

    static Shape string() {
        return string(null);
    }

    static Shape oneOf(String... allowed) {
        return string(Pattern.compile("^(" + String.join("|", allowed) + ")$"));
    }

    static Shape integer(int min, int max) {
        return (value, path, findings) -> {
            if (!(value instanceof Integer i) || i < min || i > max) {
                findings.add(
                        path + ": expected an integer in [" + min + ", " + max + "], got " + value);
            }
        };
    }

    static Shape bool() {
        return (value, path, findings) -> {
            if (!(value instanceof Boolean)) {
                findings.add(path + ": expected a boolean, got " + value);
            }
        };
    }

    /** Delegates to a client-java model type (strict fromJson). */
    static Shape typed(Class<?> type) {
        return (value, path, findings) -> {
            try {
                if (type == V1ObjectMeta.class) {
                    V1ObjectMeta.fromJson(GSON.toJson(value));
                } else if (type == V1LabelSelector.class) {
                    V1LabelSelector.fromJson(GSON.toJson(value));
                } else {
                    throw new IllegalArgumentException("no strict parser for " + type);
                }
            } catch (IOException | RuntimeException e) {
                findings.add(
                        path + ": not a valid " + type.getSimpleName() + ": " + e.getMessage());
            }
        };
    }

    private static Shape resource(String apiVersion, String kind, Shape spec) {
        return object(
                Set.of("apiVersion", "kind", "metadata", "spec"),
                Map.of(
                        "apiVersion", oneOf(Pattern.quote(apiVersion)),
                        "kind", oneOf(kind),
                        "metadata",
                                combine(
                                        typed(V1ObjectMeta.class),
                                        object(
                                                Set.of("name"),
                                                Map.of(
                                                        "name",
                                                        string(DNS_LABEL),
                                                        "namespace",
                                                        string(DNS_LABEL),
                                                        "labels",
                                                        stringMap(),
                                                        "annotations",
                                                        stringMap()))),
                        "spec", spec));
    }

    private static Shape stringMap() {
        return (value, path, findings) -> {
            if (!(value instanceof Map<?, ?> map)) {
                findings.add(path + ": expected a map of strings, got " + value);
            } else {
                map.forEach(
                        (k, v) -> {
                            if (!(v instanceof String)) {
                                findings.add(path + "." + k + ": expected a string, got " + v);
                            }
                        });
            }
        };
    }

    private static Shape combine(Shape first, Shape second) {
        return (value, path, findings) -> {
            first.check(value, path, findings);
            second.check(value, path, findings);
        };
    }

    /** monitoring.coreos.com/v1 ServiceMonitor: the fields of the Prometheus Operator CRD the chart uses. */
    static final Shape SERVICE_MONITOR =
            resource(
                    "monitoring.coreos.com/v1",
                    "ServiceMonitor",
                    object(
                            Set.of("selector", "endpoints"),
                            Map.of(
                                    "selector", typed(V1LabelSelector.class),
                                    "namespaceSelector",
                                            object(
                                                    Set.of(),
                                                    Map.of(
                                                            "any",
                                                            bool(),
                                                            "matchNames",
                                                            list(string(DNS_LABEL)))),
                                    "jobLabel", string(),
                                    "endpoints",
                                            nonEmptyList(
                                                    object(
                                                            Set.of(),
                                                            Map.of(
                                                                    "port", string(DNS_LABEL),
                                                                    "path",
                                                                            string(
                                                                                    Pattern.compile(
                                                                                            "^/.*")),
                                                                    "scheme",
                                                                            oneOf("http", "https"),
                                                                    "interval",
                                                                            string(
                                                                                    PROMETHEUS_DURATION),
                                                                    "scrapeTimeout",
                                                                            string(
                                                                                    PROMETHEUS_DURATION),
                                                                    "honorLabels", bool()))))));

    private static final Shape PARENT_REF =
            object(
                    Set.of("name"),
                    Map.of(
                            "group",
                            string(),
                            "kind",
                            string(),
                            "namespace",
                            string(DNS_LABEL),
                            "name",
                            string(),
                            "sectionName",
                            string(DNS_LABEL),
                            "port",
                            integer(1, 65535)));

    private static final Shape BACKEND_REF =
            object(
                    Set.of("name"),
                    Map.of(
                            "group",
                            string(),
                            "kind",
                            string(),
                            "namespace",
                            string(DNS_LABEL),
                            "name",
                            string(DNS_LABEL),
                            "port",
                            integer(1, 65535),
                            "weight",
                            integer(0, 1_000_000)));

    private static final Shape ROUTE_MATCH =
            object(
                    Set.of(),
                    Map.of(
                            "path",
                                    object(
                                            Set.of(),
                                            Map.of(
                                                    "type",
                                                            oneOf(
                                                                    "Exact",
                                                                    "PathPrefix",
                                                                    "RegularExpression"),
                                                    "value", string(Pattern.compile("^/.*")))),
                            "method",
                                    oneOf(
                                            "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
                                            "OPTIONS", "TRACE", "PATCH")));

    /** gateway.networking.k8s.io/v1 HTTPRoute: the fields of the Gateway API CRD the chart uses. */
    static final Shape HTTP_ROUTE =
            resource(
                    "gateway.networking.k8s.io/v1",
                    "HTTPRoute",
                    object(
                            Set.of(),
                            Map.of(
                                    "parentRefs", nonEmptyList(PARENT_REF),
                                    "hostnames", list(string(HOSTNAME)),
                                    "rules",
                                            list(
                                                    object(
                                                            Set.of(),
                                                            Map.of(
                                                                    "name", string(DNS_LABEL),
                                                                    "matches", list(ROUTE_MATCH),
                                                                    "backendRefs",
                                                                            list(BACKEND_REF)))))));
}
