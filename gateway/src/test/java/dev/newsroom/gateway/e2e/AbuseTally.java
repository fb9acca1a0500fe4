package dev.newsroom.gateway.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the abuse suite saw: requests and statuses per kind of abuse, and every answer that
 * broke a rule (a 5xx other than a 503 with Retry-After, an error not in the JSON error shape
 * {@code {"error":{"code","status","message","details"}}}, or a kind's own rule).
 */
final class AbuseTally {
    private final Map<String, Map<String, Integer>> statuses = new TreeMap<>();
    private final Map<String, List<String>> violations = new TreeMap<>();

    /** Counts the answer and checks the rules every answer must keep; true when it kept them. */
    synchronized boolean judge(String kind, String request, HttpResponse<String> r) {
        count(kind, String.valueOf(r.statusCode()));
        String broken = brokenRule(r);
        if (broken != null) {
            violate(
                    kind,
                    request + " -> " + r.statusCode() + " " + broken + ": " + abbreviate(r.body()));
            return false;
        }
        return true;
    }

    synchronized void count(String kind, String outcome) {
        statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    synchronized void violate(String kind, String what) {
        violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
    }

    synchronized List<String> violations(String kind) {
        return List.copyOf(violations.getOrDefault(kind, List.of()));
    }

    /** Requests sent per kind, statuses seen, rule violations: the figures to quote. */
    synchronized String summary() {
        StringBuilder out =
                new StringBuilder("abuse summary (kind: requests; statuses; violations)\n");
        statuses.forEach(
                (kind, seen) ->
                        out.append(
                                String.format(
                                        "  %-22s %5d requests; %s; %d violations%n",
                                        kind,
                                        seen.values().stream().mapToInt(Integer::intValue).sum(),
                                        seen,
                                        violations.getOrDefault(kind, List.of()).size())));
        violations.forEach(
                (kind, list) ->
                        list.stream()
                                .limit(5)
                                .forEach(
                                        v ->
                                                out.append("  ! ")
                                                        .append(kind)
                                                        .append(": ")
                                                        .append(v)
                                                        .append('\n')));
        return out.toString();
    }

    private static String brokenRule(HttpResponse<String> r) {
        int code = r.statusCode();
        if (code >= 500 && !(code == 503 && r.headers().firstValue("Retry-After").isPresent())) {
            return "server error";
        }
        if (code < 400) {
            return null;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "error not JSON";
        }
        try {
            JsonElement root = JsonParser.parseString(r.body());
            JsonObject error = root.getAsJsonObject().getAsJsonObject("error");
            boolean shaped =
                    error != null
                            && error.get("code").getAsInt() == code
                            && error.get("status").isJsonPrimitive()
                            && error.get("message").isJsonPrimitive()
                            && error.get("details").isJsonArray();
            if (!shaped) {
                return "error not in the error shape";
            }
        } catch (RuntimeException e) {
            return "error not in the error shape";
        }
        if (r.body().contains("\tat ") || r.body().contains(".java:")) {
            return "stack trace in the answer";
        }
        return null;
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
