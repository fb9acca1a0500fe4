package dev.newsroom.gateway.transcoding;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.proto.common.v1.FieldLimits;
import dev.newsroom.proto.common.v1.LimitsProto;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The input budgets applied while binding, before any backend is called (docs/security.md,
 * "Budgets"): the body's JSON shape (nesting depth, members per object or array) checked
 * in one streaming pass before a tree is built, then every field of the bound message
 * against the contract's {@code newsroom.common.v1.limits} (strings in characters, repeated
 * fields in items). The services check the same field budgets again where calls enter.
 */
final class RequestBudgets {
    /** Deepest JSON nesting of a body; no request message of the contract nests half as deep. */
    static final int MAX_DEPTH = 16;

    /** Most members of one JSON object or array; the largest declared max_items is far below. */
    static final int MAX_MEMBERS = 1000;

    private static final Map<Descriptor, List<FieldDescriptor>> RULES = new ConcurrentHashMap<>();

    private RequestBudgets() {}

    /** Depth and width of a JSON text, streamed (nothing is built). Malformed JSON is left to the parser. */
    static void checkShape(String json) {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        boolean[] isArray = new boolean[MAX_DEPTH + 1];
        int[] members = new int[MAX_DEPTH + 1];
        int depth = 0;
        try {
            while (true) {
                switch (reader.peek()) {
                    case BEGIN_ARRAY, BEGIN_OBJECT -> {
                        count(members, depth);
                        if (++depth > MAX_DEPTH) {
                            throw ApiException.badRequest(
                                    "the request body nests deeper than " + MAX_DEPTH + " levels");
                        }
                        isArray[depth] =
                                reader.peek() == com.google.gson.stream.JsonToken.BEGIN_ARRAY;
                        members[depth] = 0;
                        if (isArray[depth]) reader.beginArray();
                        else reader.beginObject();
                    }
                    case END_ARRAY -> {
                        reader.endArray();
                        depth--;
                    }
                    case END_OBJECT -> {
                        reader.endObject();
                        depth--;
                    }
                    case NAME -> reader.nextName();
                    case END_DOCUMENT -> {
                        return;
                    }
                    default -> {
                        count(members, depth);
                        reader.skipValue();
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            // malformed: the strict parse that follows answers it
        }
    }

    private static void count(int[] members, int depth) {
        if (depth > 0 && ++members[depth] > MAX_MEMBERS) {
            throw ApiException.badRequest(
                    "a JSON object or array in the request body has more than "
                            + MAX_MEMBERS
                            + " members");
        }
    }

    /**
     * Every budgeted field of the bound request. {@code bodyField}: the JSON name of the field
     * the body binds to (empty for {@code *}), left out of the names so they match what the
     * client sent.
     */
    static void checkFields(Message request, String bodyField) {
        walk(request, "", bodyField.isEmpty() ? "" : bodyField + ".", 1);
    }

    private static void walk(Message message, String prefix, String bodyPrefix, int depth) {
        if (depth > MAX_DEPTH) {
            throw ApiException.badRequest("the request nests deeper than " + MAX_DEPTH + " levels");
        }
        for (FieldDescriptor field :
                RULES.computeIfAbsent(message.getDescriptorForType(), RequestBudgets::rulesOf)) {
            String name = prefix + field.getJsonName();
            String shown =
                    !bodyPrefix.isEmpty() && name.startsWith(bodyPrefix)
                            ? name.substring(bodyPrefix.length())
                            : name;
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                checkItems(field, count, shown);
                for (int i = 0; i < count; i++) {
                    value(
                            field,
                            message.getRepeatedField(field, i),
                            name,
                            shown,
                            bodyPrefix,
                            depth);
                }
            } else if (message.hasField(field)) {
                value(field, message.getField(field), name, shown, bodyPrefix, depth);
            }
        }
    }

    private static void value(
            FieldDescriptor field,
            Object value,
            String name,
            String shown,
            String bodyPrefix,
            int depth) {
        if (value instanceof String text) {
            checkLength(field, text, shown);
        }
        if (value instanceof Message nested && !field.isMapField()) {
            walk(nested, name + ".", bodyPrefix, depth + 1);
        }
    }

    /** A JSON string of the body against its field's budget (before the request message is built). */
    static void checkLength(FieldDescriptor field, String text, String name) {
        FieldLimits limits = field.getOptions().getExtension(LimitsProto.limits);
        if (limits.getMaxLength() > 0
                && text.length() > limits.getMaxLength()
                && text.codePointCount(0, text.length()) > limits.getMaxLength()) {
            throw over(name, "must be at most " + limits.getMaxLength() + " characters");
        }
    }

    /** A JSON array of the body against its repeated field's budget. */
    static void checkItems(FieldDescriptor field, int count, String name) {
        FieldLimits limits = field.getOptions().getExtension(LimitsProto.limits);
        if (limits.getMaxItems() > 0 && count > limits.getMaxItems()) {
            throw over(name, "must have at most " + limits.getMaxItems() + " items");
        }
    }

    private static ApiException over(String field, String description) {
        return ApiException.badRequest("'" + field + "' " + description, field, description);
    }

    /** The fields with a budget, and the message fields whose contents have one. */
    private static List<FieldDescriptor> rulesOf(Descriptor type) {
        List<FieldDescriptor> rules = new ArrayList<>();
        if (type.getFullName().startsWith("google.protobuf.")) return rules;
        for (FieldDescriptor field : type.getFields()) {
            FieldLimits limits = field.getOptions().getExtension(LimitsProto.limits);
            if (limits.getMaxLength() > 0
                    || limits.getMaxItems() > 0
                    || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                            && !field.isMapField())) {
                rules.add(field);
            }
        }
        return List.copyOf(rules);
    }
}
