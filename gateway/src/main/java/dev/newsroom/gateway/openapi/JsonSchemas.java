package dev.newsroom.gateway.openapi;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import dev.newsroom.proto.common.v1.FieldLimits;
import dev.newsroom.proto.common.v1.LimitsProto;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Schemas (as OpenAPI 3.1 uses them) of messages and fields in the proto3 JSON mapping
 * the gateway reads and writes: lowerCamelCase names, 64-bit integers as strings, enums by
 * name, maps as objects, the well-known types in their JSON forms. Messages and enums become
 * components named by their full proto name; {@link #components()} gives every one referred to.
 */
final class JsonSchemas {

    static final String SCHEMA_REF = "#/components/schemas/";

    private final ProtoComments comments;

    /** RPC input messages: only their REQUIRED fields are listed as {@code required} (a resource's are not, PATCH sends part of it). */
    private final Set<String> inputTypes;

    private final Map<String, GenericDescriptor> referenced = new TreeMap<>();

    JsonSchemas(ProtoComments comments, Set<String> inputTypes) {
        this.comments = comments;
        this.inputTypes = Set.copyOf(inputTypes);
    }

    /** A field as it appears in JSON, described by its comment. */
    JsonObject field(FieldDescriptor field) {
        JsonObject schema;
        if (field.isMapField()) {
            schema = type("object");
            schema.add(
                    "additionalProperties", value(field.getMessageType().findFieldByName("value")));
        } else if (field.isRepeated()) {
            schema = type("array");
            schema.add("items", value(field));
        } else {
            schema = value(field);
        }
        describe(schema, comments.of(field));
        budget(field, schema);
        if (behaviours(field).contains(FieldBehavior.OUTPUT_ONLY))
            schema.addProperty("readOnly", true);
        if (field.getOptions().getDeprecated()) schema.addProperty("deprecated", true);
        return schema;
    }

    /** The field's input budget (newsroom.common.v1.limits) as maxLength / maxItems. */
    private static void budget(FieldDescriptor field, JsonObject schema) {
        FieldLimits limits = field.getOptions().getExtension(LimitsProto.limits);
        if (field.isRepeated() && !field.isMapField() && limits.getMaxItems() > 0) {
            schema.addProperty("maxItems", limits.getMaxItems());
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING && limits.getMaxLength() > 0) {
            (field.isRepeated() ? schema.getAsJsonObject("items") : schema)
                    .addProperty("maxLength", limits.getMaxLength());
        }
    }

    /** A reference to the message's component, or the inline JSON form of a well-known type. */
    JsonObject message(Descriptor message) {
        JsonObject wellKnown = WellKnownTypes.schema(message.getFullName());
        return wellKnown != null ? wellKnown : ref(message);
    }

    /** The message as a JSON object, without {@code leaveOut} (proto field names: those bound by the path). */
    JsonObject object(Descriptor message, Set<String> leaveOut) {
        JsonObject schema = type("object");
        describe(schema, comments.of(message));
        JsonObject properties = new JsonObject();
        JsonArray required = new JsonArray();
        for (FieldDescriptor field : message.getFields()) {
            if (leaveOut.contains(field.getName())) continue;
            properties.add(field.getJsonName(), field(field));
            if (inputTypes.contains(message.getFullName())
                    && behaviours(field).contains(FieldBehavior.REQUIRED)) {
                required.add(field.getJsonName());
            }
        }
        schema.add("properties", properties);
        if (!required.isEmpty()) schema.add("required", required);
        return schema;
    }

    static boolean isRequired(FieldDescriptor field) {
        return behaviours(field).contains(FieldBehavior.REQUIRED);
    }

    /** Every message and enum referred to so far, and what they refer to, by name. */
    JsonObject components() {
        Map<String, JsonObject> done = new TreeMap<>();
        while (true) {
            String next =
                    referenced.keySet().stream()
                            .filter(name -> !done.containsKey(name))
                            .findFirst()
                            .orElse(null);
            if (next == null) break;
            GenericDescriptor element = referenced.get(next);
            done.put(
                    next,
                    element instanceof Descriptor message
                            ? object(message, Set.of())
                            : enumeration((EnumDescriptor) element));
        }
        JsonObject schemas = new JsonObject();
        done.forEach(schemas::add);
        return schemas;
    }

    private JsonObject value(FieldDescriptor field) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> format("integer", "int32");
            case UINT32, FIXED32 -> unsigned32();
            case INT64, SINT64, SFIXED64 -> format("string", "int64");
            case UINT64, FIXED64 -> format("string", "uint64");
            case FLOAT -> format("number", "float");
            case DOUBLE -> format("number", "double");
            case BOOL -> type("boolean");
            case STRING -> type("string");
            case BYTES -> bytes();
            case ENUM ->
                    field.getEnumType().getFullName().equals("google.protobuf.NullValue")
                            ? type("null")
                            : ref(field.getEnumType());
            case MESSAGE, GROUP -> message(field.getMessageType());
        };
    }

    private JsonObject enumeration(EnumDescriptor enumType) {
        JsonObject schema = type("string");
        StringBuilder description = new StringBuilder(comments.of(enumType));
        JsonArray names = new JsonArray();
        for (EnumValueDescriptor value : enumType.getValues()) {
            names.add(value.getName());
            String comment = comments.of(value);
            if (!comment.isEmpty()) {
                description
                        .append(description.isEmpty() ? "" : "\n\n")
                        .append("- `")
                        .append(value.getName())
                        .append("`: ")
                        .append(comment.replace("\n", " "));
            }
        }
        describe(schema, description.toString());
        schema.add("enum", names);
        return schema;
    }

    private JsonObject ref(GenericDescriptor element) {
        referenced.putIfAbsent(element.getFullName(), element);
        JsonObject schema = new JsonObject();
        schema.addProperty("$ref", SCHEMA_REF + element.getFullName());
        return schema;
    }

    private static List<FieldBehavior> behaviours(FieldDescriptor field) {
        return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
    }

    static void describe(JsonObject schema, String description) {
        if (!description.isEmpty()) schema.addProperty("description", description);
    }

    static JsonObject type(String type) {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", type);
        return schema;
    }

    static JsonObject format(String type, String format) {
        JsonObject schema = type(type);
        schema.addProperty("format", format);
        return schema;
    }

    static JsonObject unsigned32() {
        JsonObject schema = type("integer");
        schema.addProperty("minimum", 0);
        schema.addProperty("maximum", 4294967295L);
        return schema;
    }

    static JsonObject bytes() {
        JsonObject schema = format("string", "byte");
        schema.addProperty("contentEncoding", "base64");
        return schema;
    }
}
