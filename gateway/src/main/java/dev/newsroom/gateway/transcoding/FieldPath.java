package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Set;

/**
 * A dotted path to one singular scalar field of a message type, resolved once at start-up
 * (from a contract option), read from messages of that type on every call.
 */
public record FieldPath(String dotted, List<FieldDescriptor> fields) {

    public FieldPath {
        fields = List.copyOf(fields);
    }

    /**
     * The path in {@code message}; fails start-up when it names no singular field of one of
     * the {@code accepted} types.
     */
    public static FieldPath resolve(
            Descriptor message,
            String dotted,
            String what,
            Set<FieldDescriptor.JavaType> accepted) {
        List<FieldDescriptor> path = FieldPaths.resolve(message, dotted);
        FieldDescriptor leaf = path == null ? null : path.get(path.size() - 1);
        if (leaf == null || leaf.isRepeated() || !accepted.contains(leaf.getJavaType())) {
            throw new IllegalStateException(
                    what
                            + ": "
                            + dotted
                            + " is not a singular "
                            + accepted
                            + " field of "
                            + message.getFullName());
        }
        return new FieldPath(dotted, path);
    }

    /** The value, or null when the field or a message on the way is not set (proto3: its default). */
    public Object valueIn(Message message) {
        Message current = message;
        for (int i = 0; i < fields.size() - 1; i++) {
            if (!current.hasField(fields.get(i))) {
                return null;
            }
            current = (Message) current.getField(fields.get(i));
        }
        FieldDescriptor leaf = fields.get(fields.size() - 1);
        return current.hasField(leaf) ? current.getField(leaf) : null;
    }

    /** Like {@link #valueIn}, but the field's default when it is not set. */
    public Object valueOrDefault(Message message) {
        Object value = valueIn(message);
        return value != null ? value : fields.get(fields.size() - 1).getDefaultValue();
    }

    @Override
    public String toString() {
        return dotted;
    }
}
