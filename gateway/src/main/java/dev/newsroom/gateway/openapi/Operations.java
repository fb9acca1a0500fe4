package dev.newsroom.gateway.openapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.newsroom.gateway.transcoding.HttpBinding;
import dev.newsroom.gateway.transcoding.RpcSemantics;
import dev.newsroom.proto.common.v1.CacheClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One OpenAPI operation per REST mapping, the way the gateway transcodes it: path variables,
 * then the body ({@code *} or one field), every other field a query parameter (nested ones
 * dotted); 201 for a create (POST without {@code :verb}), else 200; ETag, 304, Location and
 * Cache-Control as the RPC's {@code http_semantics} declares them; a bearer token for RPCs
 * whose access option names roles.
 */
final class Operations {

    static final String BEARER = "bearerAuth";
    private static final String RESPONSE_REF = "#/components/responses/";
    private static final String JSON = "application/json";

    private final JsonSchemas schemas;
    private final ProtoComments comments;

    Operations(JsonSchemas schemas, ProtoComments comments) {
        this.schemas = schemas;
        this.comments = comments;
    }

    JsonObject of(HttpBinding binding, String operationId) {
        MethodDescriptor rpc = binding.rpc();
        JsonObject operation = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add(rpc.getService().getName());
        operation.add("tags", tags);
        String comment = comments.of(rpc);
        operation.addProperty("summary", Summaries.firstSentence(comment, rpc.getName()));
        operation.addProperty(
                "description",
                (comment.isEmpty() ? "" : comment + "\n\n")
                        + accessNote(binding.requiredRoles())
                        + (binding.semantics().idempotent()
                                ? " Safe to retry: a repeat has no further effect."
                                : ""));
        operation.addProperty("operationId", operationId);
        if (rpc.getOptions().getDeprecated()) operation.addProperty("deprecated", true);
        JsonArray parameters = parameters(binding);
        if (!parameters.isEmpty()) operation.add("parameters", parameters);
        if (binding.hasBody()) operation.add("requestBody", requestBody(binding));
        operation.add("responses", responses(binding));
        operation.add("security", security(binding.requiredRoles()));
        return operation;
    }

    private JsonArray parameters(HttpBinding binding) {
        Descriptor input = binding.rpc().getInputType();
        OpenApiPath path = OpenApiPath.of(binding.template());
        JsonArray parameters = new JsonArray();
        Set<String> bound = new HashSet<>();
        for (String variable : binding.template().variableNames()) {
            List<FieldDescriptor> fields = resolve(input, variable);
            bound.add(protoPath(fields));
            FieldDescriptor leaf = fields.get(fields.size() - 1);
            String pattern = path.segmentPatterns().get(variable);
            String description =
                    comments.of(leaf)
                            + (pattern == null
                                    ? ""
                                    : (comments.of(leaf).isEmpty() ? "" : " ")
                                            + "Path segments matching `"
                                            + pattern
                                            + "`.");
            parameters.add(parameter(variable, "path", description, true, leaf));
        }
        if (!binding.wholeBody()) {
            queryParameters(input, "", "", binding.body(), bound, new HashSet<>(), parameters);
        }
        return parameters;
    }

    /** Fields not bound by the path or the body, as the gateway reads them from the query string. */
    private void queryParameters(
            Descriptor message,
            String jsonPrefix,
            String protoPrefix,
            String body,
            Set<String> bound,
            Set<String> enclosing,
            JsonArray parameters) {
        enclosing.add(message.getFullName());
        for (FieldDescriptor field : message.getFields()) {
            String protoPath = protoPrefix + field.getName();
            if ((protoPrefix.isEmpty() && field.getName().equals(body))
                    || bound.contains(protoPath)
                    || field.isMapField()) {
                continue;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !isScalarLike(field.getMessageType())) {
                if (!field.isRepeated()
                        && !enclosing.contains(field.getMessageType().getFullName())) {
                    queryParameters(
                            field.getMessageType(),
                            jsonPrefix + field.getJsonName() + ".",
                            protoPath + ".",
                            body,
                            bound,
                            new HashSet<>(enclosing),
                            parameters);
                }
                continue;
            }
            JsonObject schema = schemas.field(field);
            if (schema.has("readOnly")) continue; // output only: never read from a request
            parameters.add(
                    parameter(
                            jsonPrefix + field.getJsonName(),
                            "query",
                            comments.of(field),
                            protoPrefix.isEmpty() && JsonSchemas.isRequired(field),
                            field));
        }
    }

    private JsonObject parameter(
            String name, String in, String description, boolean required, FieldDescriptor field) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("name", name);
        parameter.addProperty("in", in);
        JsonSchemas.describe(parameter, description);
        if (required) parameter.addProperty("required", true);
        JsonObject schema = schemas.field(field);
        schema.remove("description");
        schema.remove("readOnly");
        if (schema.has("deprecated")) parameter.add("deprecated", schema.remove("deprecated"));
        parameter.add("schema", schema);
        return parameter;
    }

    private JsonObject requestBody(HttpBinding binding) {
        Descriptor input = binding.rpc().getInputType();
        JsonObject schema;
        if (binding.wholeBody()) {
            Set<String> inPath = new HashSet<>();
            for (String variable : binding.template().variableNames()) {
                List<FieldDescriptor> fields = resolve(input, variable);
                if (fields.size() == 1) inPath.add(fields.get(0).getName());
            }
            schema = inPath.isEmpty() ? schemas.message(input) : schemas.object(input, inPath);
        } else {
            schema = schemas.field(input.findFieldByName(binding.body()));
        }
        JsonObject requestBody = new JsonObject();
        requestBody.add("content", content(schema));
        return requestBody;
    }

    private JsonObject responses(HttpBinding binding) {
        Descriptor output = binding.rpc().getOutputType();
        RpcSemantics semantics = binding.semantics();
        boolean created = binding.httpMethod().equals("POST") && !binding.customMethod();
        boolean versionedRead = binding.isGet() && semantics.etag() != null;
        JsonObject success = new JsonObject();
        success.addProperty("description", created ? "Created." : "OK.");
        JsonObject headers = new JsonObject();
        if (created && semantics.location() != null) {
            headers.add("Location", header("The new resource: `" + semantics.location() + "`."));
        }
        if (versionedRead) {
            headers.add(
                    "ETag",
                    header(
                            "`\"<"
                                    + semantics.etag().id()
                                    + ">-<"
                                    + semantics.etag().version()
                                    + ">\"`; send it back in If-None-Match to get 304 while it is current."));
        }
        if (binding.isGet()) {
            headers.add(
                    "Cache-Control",
                    header(
                            semantics.publicRead()
                                    ? "`public, max-age=…` for anonymous callers ("
                                            + (semantics.cacheClass() == CacheClass.CACHE_CLASS_ITEM
                                                    ? "one resource"
                                                    : "a list")
                                            + "), `private, no-store` with a token."
                                    : "`private, no-store`."));
        }
        if (!headers.isEmpty()) success.add("headers", headers);
        success.add("content", content(schemas.message(output)));
        JsonObject responses = new JsonObject();
        responses.add(created ? "201" : "200", success);
        if (versionedRead) {
            JsonObject notModified = new JsonObject();
            notModified.addProperty(
                    "description", "Not Modified: If-None-Match names the current ETag.");
            responses.add("304", notModified);
        }
        if (!binding.requiredRoles().isEmpty()) {
            responses.add("401", responseRef(OpenApiDocument.UNAUTHENTICATED));
            responses.add("403", responseRef(OpenApiDocument.PERMISSION_DENIED));
        }
        responses.add("4XX", responseRef(OpenApiDocument.CLIENT_ERROR));
        responses.add("5XX", responseRef(OpenApiDocument.SERVER_ERROR));
        return responses;
    }

    /** Protected: a bearer token naming one of the roles. Public: no token, or one (editors see more with theirs). */
    private static JsonArray security(List<String> roles) {
        JsonArray security = new JsonArray();
        if (roles.isEmpty()) {
            security.add(new JsonObject());
            security.add(bearer(List.of()));
        } else {
            for (String role : roles) security.add(bearer(List.of(role)));
        }
        return security;
    }

    private static JsonObject bearer(List<String> roles) {
        JsonArray names = new JsonArray();
        roles.forEach(names::add);
        JsonObject requirement = new JsonObject();
        requirement.add(BEARER, names);
        return requirement;
    }

    static String accessNote(List<String> roles) {
        if (roles.isEmpty()) return "Access: anyone; no token needed.";
        List<String> quoted = roles.stream().map(role -> "`" + role + "`").toList();
        return "Access: a bearer token (JWT) with the role "
                + String.join(" or ", quoted)
                + " (`admin` has every role); 401 without a valid token, 403 without the role.";
    }

    private static JsonObject content(JsonObject schema) {
        JsonObject mediaType = new JsonObject();
        mediaType.add("schema", schema);
        JsonObject content = new JsonObject();
        content.add(JSON, mediaType);
        return content;
    }

    private static JsonObject header(String description) {
        JsonObject header = new JsonObject();
        header.addProperty("description", description);
        header.add("schema", JsonSchemas.type("string"));
        return header;
    }

    private static JsonObject responseRef(String name) {
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", RESPONSE_REF + name);
        return ref;
    }

    /** Timestamp, Duration, FieldMask and the wrappers: JSON strings, numbers or booleans a URL can carry. */
    private static boolean isScalarLike(Descriptor message) {
        JsonObject schema = WellKnownTypes.schema(message.getFullName());
        String type = schema == null || !schema.has("type") ? "" : schema.get("type").getAsString();
        return Set.of("string", "number", "integer", "boolean").contains(type);
    }

    /** A dotted path by proto or JSON names, as the gateway resolves path variables. */
    private static List<FieldDescriptor> resolve(Descriptor message, String dottedPath) {
        List<FieldDescriptor> path = new ArrayList<>();
        Descriptor current = message;
        for (String name : dottedPath.split("\\.")) {
            FieldDescriptor field = current == null ? null : current.findFieldByName(name);
            if (field == null && current != null) {
                field =
                        current.getFields().stream()
                                .filter(f -> f.getJsonName().equals(name))
                                .findFirst()
                                .orElse(null);
            }
            if (field == null)
                throw new IllegalStateException(
                        message.getFullName() + " has no field " + dottedPath);
            path.add(field);
            current =
                    field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                            ? field.getMessageType()
                            : null;
        }
        return path;
    }

    private static String protoPath(List<FieldDescriptor> path) {
        return String.join(".", path.stream().map(FieldDescriptor::getName).toList());
    }
}
