package dev.newsroom.gateway.openapi;

import dev.newsroom.gateway.transcoding.PathTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code google.api.http} path template written as an OpenAPI path: {@code {id}} stays,
 * {@code {name=shelves/*}} becomes {@code {name}} (its segment pattern kept for the
 * parameter's description), a {@code :verb} stays part of the path.
 *
 * @param path the OpenAPI path, e.g. {@code /api/v1/articles/{id}:publish}
 * @param segmentPatterns variable → its segment pattern, for variables that have one
 */
public record OpenApiPath(String path, Map<String, String> segmentPatterns) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}=]+)(?:=([^}]*))?}");

    public OpenApiPath {
        segmentPatterns = Map.copyOf(segmentPatterns);
    }

    public static OpenApiPath of(PathTemplate template) {
        Matcher variable = VARIABLE.matcher(template.toString());
        StringBuilder path = new StringBuilder();
        Map<String, String> patterns = new LinkedHashMap<>();
        while (variable.find()) {
            variable.appendReplacement(
                    path, Matcher.quoteReplacement("{" + variable.group(1) + "}"));
            if (variable.group(2) != null && !variable.group(2).equals("*")) {
                patterns.put(variable.group(1), variable.group(2));
            }
        }
        variable.appendTail(path);
        for (String segment : path.toString().split("[/:]")) {
            if (segment.equals("*") || segment.equals("**")) {
                throw new IllegalStateException(
                        template + ": a wildcard outside a variable has no OpenAPI form");
            }
        }
        return new OpenApiPath(path.toString(), patterns);
    }
}
