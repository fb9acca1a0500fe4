package dev.newsroom.gateway.transcoding;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.util.JsonFormat;
import dev.newsroom.gateway.errors.ApiException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the request message of an RPC from an HTTP request, following the google.api.http
 * rules: path variables, then the body ({@code *} or one field), then query parameters for
 * the remaining fields. Everything goes through the proto3 JSON parser (unknown fields
 * rejected), so a bad value fails the same way wherever it came from. The input budgets
 * ({@link RequestBudgets}: JSON depth and width, the contract's per-field limits) are applied
 * here, so an over-budget request is a 400 naming the field before any backend is called.
 */
public final class RequestBinder {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final String FIELD_MASK = "google.protobuf.FieldMask";

    private RequestBinder() {}

    public static DynamicMessage bind(
            HttpBinding binding,
            Map<String, String> pathVariables,
            Map<String, List<String>> query,
            byte[] body) {
        Descriptor input = binding.rpc().getInputType();
        JsonObject root = new JsonObject();
        JsonElement bodyJson = binding.hasBody() && body.length > 0 ? parseStrict(body) : null;
        List<String> bodyKeys =
                bodyJson != null && bodyJson.isJsonObject()
                        ? List.copyOf(bodyJson.getAsJsonObject().keySet())
                        : null;
        if (bodyJson != null) {
            FieldDescriptor bodyField =
                    binding.wholeBody() ? null : input.findFieldByName(binding.body());
            if (bodyField == null) {
                JsonShapes.check(bodyJson, input, "");
            } else if (bodyField.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !bodyField.isRepeated()) {
                JsonShapes.check(bodyJson, bodyField.getMessageType(), "");
            }
        }
        if (bodyJson != null && binding.wholeBody()) {
            if (!bodyJson.isJsonObject())
                throw ApiException.badRequest("the request body must be a JSON object");
            root = bodyJson.getAsJsonObject();
        } else if (bodyJson != null) {
            root.add(input.findFieldByName(binding.body()).getJsonName(), bodyJson);
        }

        Set<String> bound = new HashSet<>();
        for (Map.Entry<String, String> variable : pathVariables.entrySet()) {
            List<FieldDescriptor> path = FieldPaths.resolve(input, variable.getKey());
            JsonElement value = new JsonPrimitive(variable.getValue());
            checkValue(input, path, value, variable.getKey(), variable.getValue());
            put(root, path, value);
            bound.add(FieldPaths.protoPath(path));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            bindQueryParameter(binding, root, bound, parameter.getKey(), parameter.getValue());
        }
        inferUpdateMask(binding, root, bound, bodyKeys);

        DynamicMessage.Builder builder = DynamicMessage.newBuilder(input);
        try {
            PARSER.merge(root.toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw ApiException.badRequest("invalid request: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badRequest(
                    "invalid request: the JSON does not fit the request message");
        }
        DynamicMessage request = builder.build();
        RequestBudgets.checkFields(
                request,
                binding.hasBody() && !binding.wholeBody()
                        ? input.findFieldByName(binding.body()).getJsonName()
                        : "");
        return request;
    }

    /** {@code a=1&b=x&b=y} to name → values, percent-decoded ({@code +} is a space). */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name =
                        URLDecoder.decode(
                                eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value =
                        eq < 0
                                ? ""
                                : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed query string");
            }
        }
        return parameters;
    }

    private static void bindQueryParameter(
            HttpBinding binding,
            JsonObject root,
            Set<String> bound,
            String name,
            List<String> values) {
        Descriptor input = binding.rpc().getInputType();
        List<FieldDescriptor> path = binding.wholeBody() ? null : FieldPaths.resolve(input, name);
        FieldDescriptor leaf = path == null ? null : path.get(path.size() - 1);
        if (leaf == null
                || !FieldPaths.acceptsText(leaf)
                || (binding.hasBody() && path.get(0).getName().equals(binding.body()))) {
            throw ApiException.badRequest(
                    "unknown query parameter '" + name + "'", name, "not a parameter of this call");
        }
        String protoPath = FieldPaths.protoPath(path);
        if (!bound.add(protoPath)) {
            throw ApiException.badRequest(
                    "'" + name + "' is given more than once", name, "given more than once");
        }
        if (!leaf.isRepeated() && values.size() > 1) {
            throw ApiException.badRequest(
                    "'" + name + "' is given more than once", name, "takes a single value");
        }
        JsonElement value;
        if (leaf.isRepeated()) {
            JsonArray array = new JsonArray();
            for (String v : values) {
                JsonArray single = new JsonArray();
                single.add(v);
                checkValue(input, path, single, name, v);
                array.add(v);
            }
            value = array;
        } else {
            value = new JsonPrimitive(values.get(0));
            checkValue(input, path, value, name, values.get(0));
        }
        put(root, path, value);
    }

    /**
     * UpdateXRequest convention: without an explicit {@code update_mask}, update the fields
     * present in the JSON body (fields already named by the path are not updates).
     */
    private static void inferUpdateMask(
            HttpBinding binding, JsonObject root, Set<String> bound, List<String> bodyKeys) {
        if (!binding.hasBody() || binding.wholeBody() || bodyKeys == null) return;
        Descriptor input = binding.rpc().getInputType();
        FieldDescriptor mask = input.findFieldByName("update_mask");
        FieldDescriptor bodyField = input.findFieldByName(binding.body());
        if (mask == null
                || mask.isRepeated()
                || mask.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || !mask.getMessageType().getFullName().equals(FIELD_MASK)
                || bound.contains(mask.getName())
                || bodyField.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || bodyField.isRepeated()) {
            return;
        }
        FieldMask.Builder paths = FieldMask.newBuilder();
        for (String key : bodyKeys) {
            FieldDescriptor field = FieldPaths.find(bodyField.getMessageType(), key);
            if (field != null && !bound.contains(bodyField.getName() + "." + field.getName())) {
                paths.addPaths(field.getName());
            }
        }
        root.addProperty(mask.getJsonName(), FieldMaskUtil.toJsonString(paths.build()));
    }

    /** Parses one URL-borne value on its own, so the error names the parameter it came from. */
    private static void checkValue(
            Descriptor input,
            List<FieldDescriptor> path,
            JsonElement value,
            String name,
            String text) {
        JsonObject single = new JsonObject();
        put(single, path, value);
        try {
            PARSER.merge(single.toString(), DynamicMessage.newBuilder(input));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            String description =
                    "'" + text + "' is not a valid " + typeName(path.get(path.size() - 1));
            throw ApiException.badRequest(
                    "invalid value for '" + name + "': " + description, name, description);
        }
    }

    /** Sets {@code value} at {@code path} inside {@code object}, replacing the field under either of its names. */
    private static void put(JsonObject object, List<FieldDescriptor> path, JsonElement value) {
        JsonObject current = object;
        for (int i = 0; i < path.size() - 1; i++) {
            FieldDescriptor field = path.get(i);
            JsonElement child =
                    current.has(field.getJsonName())
                            ? current.get(field.getJsonName())
                            : current.get(field.getName());
            if (child == null || child.isJsonNull()) {
                child = new JsonObject();
                current.remove(field.getName());
                current.add(field.getJsonName(), child);
            } else if (!child.isJsonObject()) {
                throw ApiException.badRequest(
                        "'" + field.getJsonName() + "' must be a JSON object",
                        field.getJsonName(),
                        "must be an object");
            }
            current = child.getAsJsonObject();
        }
        FieldDescriptor leaf = path.get(path.size() - 1);
        current.remove(leaf.getName());
        current.remove(leaf.getJsonName());
        current.add(leaf.getJsonName(), value);
    }

    private static String typeName(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case ENUM ->
                    "value of "
                            + field.getEnumType().getName()
                            + " ("
                            + String.join(
                                    ", ",
                                    field.getEnumType().getValues().stream()
                                            .map(v -> v.getName())
                                            .toList())
                            + ")";
            case MESSAGE -> field.getMessageType().getName();
            default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static JsonElement parseStrict(byte[] body) {
        try {
            String text =
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            RequestBudgets.checkShape(text);
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiException.badRequest("malformed JSON in the request body: trailing data");
            }
            return element;
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the request body is not UTF-8");
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw ApiException.badRequest("malformed JSON in the request body");
        }
    }
}
