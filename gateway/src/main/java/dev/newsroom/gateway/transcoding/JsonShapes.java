package dev.newsroom.gateway.transcoding;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.newsroom.gateway.errors.ApiException;
import java.util.Map;

/**
 * Stricter than the proto3 JSON parser on the request body: it would take {@code 5} or
 * {@code true} for a string field and print them as text. A string field must be a JSON
 * string, a bool a JSON boolean, a repeated field an array and a message an object, so a
 * client with a wrong type gets a 400 naming the field instead of silently stored text.
 * The body's strings and arrays are held to their input budgets here too, so an over-budget
 * body is refused before it is printed and parsed again into the request message.
 */
final class JsonShapes {
    private JsonShapes() {}

    static void check(JsonElement json, Descriptor type, String prefix) {
        if (json == null || json.isJsonNull() || !json.isJsonObject() || isWellKnown(type)) return;
        for (Map.Entry<String, JsonElement> entry : ((JsonObject) json).entrySet()) {
            FieldDescriptor field = FieldPaths.find(type, entry.getKey());
            if (field == null || entry.getValue().isJsonNull())
                continue; // unknown fields: the parser's error
            String name = prefix + field.getJsonName();
            if (field.isMapField()) {
                expect(entry.getValue().isJsonObject(), name, "an object");
            } else if (field.isRepeated()) {
                expect(entry.getValue().isJsonArray(), name, "an array");
                RequestBudgets.checkItems(field, entry.getValue().getAsJsonArray().size(), name);
                entry.getValue()
                        .getAsJsonArray()
                        .forEach(item -> checkValue(item, field, name + "[]"));
            } else {
                checkValue(entry.getValue(), field, name);
            }
        }
    }

    private static void checkValue(JsonElement value, FieldDescriptor field, String name) {
        if (value.isJsonNull()) return;
        switch (field.getJavaType()) {
            case STRING -> {
                expect(
                        value.isJsonPrimitive() && value.getAsJsonPrimitive().isString(),
                        name,
                        "a string");
                RequestBudgets.checkLength(field, value.getAsString(), name);
            }
            case BOOLEAN ->
                    expect(
                            value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean(),
                            name,
                            "true or false");
            case MESSAGE -> {
                if (!isWellKnown(field.getMessageType())) {
                    expect(value.isJsonObject(), name, "an object");
                    check(value, field.getMessageType(), name + ".");
                }
            }
            default -> {} // numbers, enums and bytes: the parser checks them
        }
    }

    private static boolean isWellKnown(Descriptor type) {
        return type.getFullName().startsWith("google.protobuf.");
    }

    private static void expect(boolean ok, String field, String what) {
        if (!ok) {
            throw ApiException.badRequest(
                    "'" + field + "' must be " + what, field, "must be " + what);
        }
    }
}
