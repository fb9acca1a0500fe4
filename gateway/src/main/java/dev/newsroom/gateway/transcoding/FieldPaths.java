package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Dotted field paths ({@code article.id}, {@code filter.publishTime}) over message descriptors. */
final class FieldPaths {

    /** Well-known types whose JSON form is a single string or number, so a URL value can fill them. */
    private static final Set<String> SCALAR_LIKE =
            Set.of(
                    "google.protobuf.Timestamp",
                    "google.protobuf.Duration",
                    "google.protobuf.FieldMask",
                    "google.protobuf.DoubleValue",
                    "google.protobuf.FloatValue",
                    "google.protobuf.Int64Value",
                    "google.protobuf.UInt64Value",
                    "google.protobuf.Int32Value",
                    "google.protobuf.UInt32Value",
                    "google.protobuf.BoolValue",
                    "google.protobuf.StringValue",
                    "google.protobuf.BytesValue");

    private FieldPaths() {}

    /** The fields along {@code dottedPath} (each by proto or JSON name), or null when one is missing. */
    static List<FieldDescriptor> resolve(Descriptor message, String dottedPath) {
        List<FieldDescriptor> path = new ArrayList<>();
        Descriptor current = message;
        for (String name : dottedPath.split("\\.", -1)) {
            if (current == null) return null;
            FieldDescriptor field = find(current, name);
            if (field == null) return null;
            path.add(field);
            current =
                    field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                                    && !field.isMapField()
                                    && !field.isRepeated()
                            ? field.getMessageType()
                            : null;
        }
        return path;
    }

    static FieldDescriptor find(Descriptor message, String name) {
        FieldDescriptor field = message.findFieldByName(name);
        if (field != null) return field;
        for (FieldDescriptor candidate : message.getFields()) {
            if (candidate.getJsonName().equals(name)) return candidate;
        }
        return null;
    }

    static boolean isScalarLike(Descriptor message) {
        return SCALAR_LIKE.contains(message.getFullName());
    }

    /** True for fields a query parameter or path variable may set: scalars, enums and scalar-like types. */
    static boolean acceptsText(FieldDescriptor field) {
        return !field.isMapField()
                && (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                        || isScalarLike(field.getMessageType()));
    }

    static String protoPath(List<FieldDescriptor> path) {
        return String.join(".", path.stream().map(FieldDescriptor::getName).toList());
    }
}
