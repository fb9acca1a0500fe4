package dev.newsroom.gateway.transcoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * A {@code google.api.http} path template, e.g. {@code /api/v1/articles/{id}:publish} or
 * {@code /v1/{name=shelves/*}/books/**}: literal segments, {@code *} (one segment),
 * {@code **} (the rest, last only), variables {@code {field.path}} / {@code {field=segments}}
 * and an optional {@code :verb}. Matching a request path yields each variable's value.
 */
public final class PathTemplate {

    private static final Pattern FIELD_PATH =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String SINGLE = "*";
    private static final String MULTI = "**";

    /** A variable covers the template segments [start, end). */
    private record Variable(String fieldPath, int start, int end) {}

    private final String source;
    private final List<String> segments; // literal text, "*" or "**"
    private final List<Variable> variables;
    private final String verb; // null when the template has none

    private PathTemplate(
            String source, List<String> segments, List<Variable> variables, String verb) {
        this.source = source;
        this.segments = List.copyOf(segments);
        this.variables = List.copyOf(variables);
        this.verb = verb;
    }

    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/") || template.length() < 2) {
            throw invalid(template, "must start with '/' and name at least one segment");
        }
        String path = template.substring(1);
        String verb = null;
        int depth = 0;
        int verbColon = -1;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ':' && depth == 0) verbColon = i;
            else if (c == '/' && depth == 0) verbColon = -1;
        }
        if (verbColon >= 0) {
            verb = path.substring(verbColon + 1);
            path = path.substring(0, verbColon);
            if (verb.isEmpty() || verb.contains("/")) throw invalid(template, "bad verb");
        }
        List<String> segments = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        for (String token : splitOutsideBraces(template, path)) {
            if (token.startsWith("{")) {
                if (!token.endsWith("}")) throw invalid(template, "unclosed variable " + token);
                String inner = token.substring(1, token.length() - 1);
                int eq = inner.indexOf('=');
                String field = eq < 0 ? inner : inner.substring(0, eq);
                String pattern = eq < 0 ? SINGLE : inner.substring(eq + 1);
                if (!FIELD_PATH.matcher(field).matches())
                    throw invalid(template, "bad field path " + field);
                int start = segments.size();
                for (String part : pattern.split("/", -1)) {
                    segments.add(checkSegment(template, part));
                }
                variables.add(new Variable(field, start, segments.size()));
            } else {
                segments.add(checkSegment(template, token));
            }
        }
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).equals(MULTI))
                throw invalid(template, "'**' must be the last segment");
        }
        return new PathTemplate(template, segments, variables, verb);
    }

    /** The variables' values when {@code rawPath} (still percent-encoded) matches, else null. */
    public Map<String, String> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return null;
        String path = rawPath.substring(1);
        if (verb != null) {
            if (!path.endsWith(":" + verb)) return null;
            path = path.substring(0, path.length() - verb.length() - 1);
        }
        String[] parts = path.split("/", -1);
        boolean endsWithMulti =
                !segments.isEmpty() && segments.get(segments.size() - 1).equals(MULTI);
        int fixed = endsWithMulti ? segments.size() - 1 : segments.size();
        if (endsWithMulti ? parts.length < fixed : parts.length != fixed) return null;
        String[] decoded = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (i < fixed && parts[i].isEmpty()) return null;
            try {
                decoded[i] = UriUtils.decode(parts[i], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (i < fixed && !segments.get(i).equals(SINGLE) && !segments.get(i).equals(decoded[i]))
                return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : variables) {
            int end =
                    variable.end() == segments.size() && endsWithMulti
                            ? parts.length
                            : variable.end();
            values.put(
                    variable.fieldPath(),
                    String.join("/", List.of(decoded).subList(variable.start(), end)));
        }
        return values;
    }

    /** The field paths bound by this template, in order. */
    public List<String> variableNames() {
        return variables.stream().map(Variable::fieldPath).toList();
    }

    public String verb() {
        return verb;
    }

    /** Higher for templates with more literal text, so {@code /a/by-slug/{s}} wins over {@code /a/{id}/{x}}. */
    public int specificity() {
        int literals =
                (int) segments.stream().filter(s -> !s.equals(SINGLE) && !s.equals(MULTI)).count();
        return literals * 4 + (verb != null ? 2 : 0) - (segments.contains(MULTI) ? 1 : 0);
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> splitOutsideBraces(String template, String path) {
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{' && ++depth > 1) throw invalid(template, "nested variables");
            if (c == '}' && --depth < 0) throw invalid(template, "unbalanced '}'");
            if (c == '/' && depth == 0) {
                tokens.add(path.substring(from, i));
                from = i + 1;
            }
        }
        if (depth != 0) throw invalid(template, "unclosed variable");
        tokens.add(path.substring(from));
        return tokens;
    }

    private static String checkSegment(String template, String segment) {
        if (segment.isEmpty()
                || segment.contains("{")
                || segment.contains("}")
                || (segment.contains("*") && !segment.equals(SINGLE) && !segment.equals(MULTI))) {
            throw invalid(template, "bad segment '" + segment + "'");
        }
        return segment;
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("invalid path template " + template + ": " + why);
    }
}
