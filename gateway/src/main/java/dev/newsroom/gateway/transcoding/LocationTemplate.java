package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * The Location of a create's 201, as the contract declares it: a path with {@code {field.path}}
 * variables, e.g. {@code /api/v1/articles/{id}}, filled from the response (each value one
 * percent-encoded path segment).
 */
public final class LocationTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private final String template;
    private final List<String> literals = new ArrayList<>();
    private final List<FieldPath> fields = new ArrayList<>();

    private LocationTemplate(String template, Descriptor response) {
        this.template = template;
        Matcher m = VARIABLE.matcher(template);
        int at = 0;
        while (m.find()) {
            literals.add(template.substring(at, m.start()));
            fields.add(
                    FieldPath.resolve(
                            response,
                            m.group(1),
                            "location " + template,
                            EnumSet.of(JavaType.LONG, JavaType.INT, JavaType.STRING)));
            at = m.end();
        }
        literals.add(template.substring(at));
        if (!template.startsWith("/") || String.join("", literals).matches(".*[{}].*")) {
            throw new IllegalStateException(
                    "location " + template + ": a path with {field} variables only");
        }
    }

    /** The template for answers of type {@code response}, or null for "" (no Location). */
    public static LocationTemplate parse(String template, Descriptor response) {
        return template.isEmpty() ? null : new LocationTemplate(template, response);
    }

    /** The path for {@code response}, or null when a field it needs is not set. */
    public URI fill(Message response) {
        StringBuilder path = new StringBuilder(literals.get(0));
        for (int i = 0; i < fields.size(); i++) {
            Object value = fields.get(i).valueIn(response);
            if (value == null) {
                return null;
            }
            path.append(UriUtils.encodePathSegment(String.valueOf(value), StandardCharsets.UTF_8))
                    .append(literals.get(i + 1));
        }
        return URI.create(path.toString());
    }

    /** The path with every variable filled with {@code sample}, to check at start-up that a GET answers it. */
    public String sample(String sample) {
        return VARIABLE.matcher(template).replaceAll(sample);
    }

    @Override
    public String toString() {
        return template;
    }
}
