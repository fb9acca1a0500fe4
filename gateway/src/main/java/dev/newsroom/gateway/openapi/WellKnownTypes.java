package dev.newsroom.gateway.openapi;

import static dev.newsroom.gateway.openapi.JsonSchemas.format;
import static dev.newsroom.gateway.openapi.JsonSchemas.type;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The JSON forms proto3 gives the well-known types (a Timestamp is an RFC 3339 string, a
 * wrapper is its value, …), written inline where a field uses one, never as components.
 */
final class WellKnownTypes {

    private WellKnownTypes() {}

    /** A fresh schema for the type, or null when it is not a well-known type with a JSON form of its own. */
    static JsonObject schema(String fullName) {
        return switch (fullName) {
            case "google.protobuf.Timestamp" -> format("string", "date-time");
            case "google.protobuf.Duration" -> duration();
            case "google.protobuf.FieldMask" -> fieldMask();
            case "google.protobuf.Struct" -> anyObject();
            case "google.protobuf.Value" -> new JsonObject();
            case "google.protobuf.ListValue" -> anyList();
            case "google.protobuf.Empty" -> type("object");
            case "google.protobuf.Any" -> any();
            case "google.protobuf.DoubleValue" -> format("number", "double");
            case "google.protobuf.FloatValue" -> format("number", "float");
            case "google.protobuf.Int64Value" -> format("string", "int64");
            case "google.protobuf.UInt64Value" -> format("string", "uint64");
            case "google.protobuf.Int32Value" -> format("integer", "int32");
            case "google.protobuf.UInt32Value" -> JsonSchemas.unsigned32();
            case "google.protobuf.BoolValue" -> type("boolean");
            case "google.protobuf.StringValue" -> type("string");
            case "google.protobuf.BytesValue" -> JsonSchemas.bytes();
            default -> null;
        };
    }

    private static JsonObject duration() {
        JsonObject schema = type("string");
        schema.addProperty("pattern", "^-?[0-9]+(\\.[0-9]{1,9})?s$");
        return schema;
    }

    private static JsonObject fieldMask() {
        JsonObject schema = type("string");
        schema.addProperty("pattern", "^([A-Za-z0-9_.]+(,[A-Za-z0-9_.]+)*)?$");
        return schema;
    }

    private static JsonObject anyObject() {
        JsonObject schema = type("object");
        schema.addProperty("additionalProperties", true);
        return schema;
    }

    private static JsonObject anyList() {
        JsonObject schema = type("array");
        schema.add("items", new JsonObject());
        return schema;
    }

    private static JsonObject any() {
        JsonObject schema = anyObject();
        JsonObject properties = new JsonObject();
        properties.add("@type", type("string"));
        schema.add("properties", properties);
        JsonArray required = new JsonArray();
        required.add("@type");
        schema.add("required", required);
        return schema;
    }
}
