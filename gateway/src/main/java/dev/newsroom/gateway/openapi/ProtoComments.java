package dev.newsroom.gateway.openapi;

import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment protoc kept for an element (its source info): the leading comment, else the
 * trailing one, with the {@code //} indentation removed. Elements are found by their path in
 * the file's descriptor, as descriptor.proto numbers it (message_type = 4, field = 2, …).
 */
final class ProtoComments {

    private static final int FILE_PACKAGE = 2;
    private static final int FILE_MESSAGE = 4;
    private static final int FILE_ENUM = 5;
    private static final int FILE_SERVICE = 6;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED = 3;
    private static final int MESSAGE_ENUM = 4;
    private static final int ENUM_VALUE = 2;
    private static final int SERVICE_METHOD = 2;

    private final Map<String, Map<List<Integer>, Location>> byFile = new HashMap<>();

    /** The element's comment, or "" when it has none. */
    String of(GenericDescriptor element) {
        List<Integer> path = pathOf(element);
        Location location = path == null ? null : locations(element.getFile()).get(path);
        if (location == null) return "";
        String text =
                location.hasLeadingComments()
                        ? location.getLeadingComments()
                        : location.getTrailingComments();
        return clean(text);
    }

    /** The comment above the file's {@code package} line: what the file is about. */
    String ofPackage(FileDescriptor file) {
        Location location = locations(file).get(List.of(FILE_PACKAGE));
        return location == null ? "" : clean(location.getLeadingComments());
    }

    private Map<List<Integer>, Location> locations(FileDescriptor file) {
        return byFile.computeIfAbsent(
                file.getName(),
                name -> {
                    Map<List<Integer>, Location> map = new HashMap<>();
                    for (Location location : file.toProto().getSourceCodeInfo().getLocationList()) {
                        map.putIfAbsent(List.copyOf(location.getPathList()), location);
                    }
                    return map;
                });
    }

    private static List<Integer> pathOf(GenericDescriptor element) {
        if (element instanceof ServiceDescriptor service) {
            return List.of(FILE_SERVICE, service.getIndex());
        }
        if (element instanceof MethodDescriptor method) {
            return append(pathOf(method.getService()), SERVICE_METHOD, method.getIndex());
        }
        if (element instanceof Descriptor message) {
            Descriptor parent = message.getContainingType();
            return parent == null
                    ? List.of(FILE_MESSAGE, message.getIndex())
                    : append(pathOf(parent), MESSAGE_NESTED, message.getIndex());
        }
        if (element instanceof FieldDescriptor field) {
            return field.isExtension()
                    ? null
                    : append(pathOf(field.getContainingType()), MESSAGE_FIELD, field.getIndex());
        }
        if (element instanceof EnumDescriptor enumType) {
            Descriptor parent = enumType.getContainingType();
            return parent == null
                    ? List.of(FILE_ENUM, enumType.getIndex())
                    : append(pathOf(parent), MESSAGE_ENUM, enumType.getIndex());
        }
        if (element instanceof EnumValueDescriptor value) {
            return append(pathOf(value.getType()), ENUM_VALUE, value.getIndex());
        }
        return null;
    }

    private static List<Integer> append(List<Integer> path, int kind, int index) {
        if (path == null) return null;
        List<Integer> longer = new ArrayList<>(path);
        longer.add(kind);
        longer.add(index);
        return List.copyOf(longer);
    }

    /** Drops the one space protoc keeps after {@code //} and trailing blanks; keeps the line breaks. */
    static String clean(String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n", -1)) {
            String text = line.startsWith(" ") ? line.substring(1) : line;
            out.append(text.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
