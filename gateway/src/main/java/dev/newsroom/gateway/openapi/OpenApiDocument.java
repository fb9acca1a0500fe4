package dev.newsroom.gateway.openapi;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.gateway.transcoding.HttpBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3.1 document of the REST API: one operation per REST mapping of the contract,
 * found by the same {@link BindingCatalog} the gateway routes with, described by the protos'
 * comments. Everything is written in a fixed order (paths, components and tags sorted by
 * name, fields in proto order), so the same contract always gives the same bytes.
 */
public final class OpenApiDocument {

    static final String CLIENT_ERROR = "ClientError";
    static final String SERVER_ERROR = "ServerError";
    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String PERMISSION_DENIED = "PermissionDenied";
    private static final String ERROR_SCHEMA = "Error";

    /** Path item keys in the order the OpenAPI specification lists them. */
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDocument() {}

    /** The document as pretty-printed JSON, ending in a newline. */
    public static String generate(ContractDescriptors contract, String version) {
        BindingCatalog catalog = BindingCatalog.of(contract.files());
        ProtoComments comments = new ProtoComments();
        Set<String> inputTypes =
                catalog.bindings().stream()
                        .map(b -> b.rpc().getInputType().getFullName())
                        .collect(Collectors.toSet());
        JsonSchemas schemas = new JsonSchemas(comments, inputTypes);
        Operations operations = new Operations(schemas, comments);

        Map<String, Map<Integer, JsonObject>> paths = new TreeMap<>();
        Map<String, ServiceDescriptor> services = new TreeMap<>();
        List<HttpBinding> bindings = new ArrayList<>(catalog.bindings());
        bindings.sort(
                (a, b) ->
                        (a.httpMethod() + " " + a.template())
                                .compareTo(b.httpMethod() + " " + b.template()));
        for (HttpBinding binding : bindings) {
            int method = METHODS.indexOf(binding.httpMethod().toLowerCase());
            if (method < 0)
                throw new IllegalStateException(
                        binding + ": no OpenAPI operation for " + binding.httpMethod());
            paths.computeIfAbsent(OpenApiPath.of(binding.template()).path(), p -> new TreeMap<>())
                    .put(method, operations.of(binding, operationId(binding)));
            services.put(binding.rpc().getService().getName(), binding.rpc().getService());
        }

        JsonObject document = new JsonObject();
        document.addProperty("openapi", "3.1.0");
        document.add("info", info(version));
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.addProperty("url", "/");
        server.addProperty("description", "the gateway that serves this document");
        servers.add(server);
        document.add("servers", servers);
        document.add("tags", tags(services, comments));
        JsonObject pathItems = new JsonObject();
        paths.forEach(
                (path, byMethod) -> {
                    JsonObject item = new JsonObject();
                    byMethod.forEach(
                            (method, operation) -> item.add(METHODS.get(method), operation));
                    pathItems.add(path, item);
                });
        document.add("paths", pathItems);
        document.add("components", components(schemas));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document)
                + "\n";
    }

    /**
     * The RPC's full name; a binding from {@code additional_bindings} gets {@code _1}, {@code _2}…
     * after it, in the order the option lists them, so each operation has its own id.
     */
    static String operationId(HttpBinding binding) {
        HttpRule primary = binding.rpc().getOptions().getExtension(AnnotationsProto.http);
        List<HttpRule> rules = new ArrayList<>(List.of(primary));
        rules.addAll(primary.getAdditionalBindingsList());
        for (int i = 0; i < rules.size(); i++) {
            if (route(rules.get(i)).equals(binding.httpMethod() + " " + binding.template())) {
                return binding.rpc().getFullName() + (i == 0 ? "" : "_" + i);
            }
        }
        throw new IllegalStateException(binding + " is not among its RPC's http rules");
    }

    private static String route(HttpRule rule) {
        return switch (rule.getPatternCase()) {
            case GET -> "GET " + rule.getGet();
            case POST -> "POST " + rule.getPost();
            case PUT -> "PUT " + rule.getPut();
            case PATCH -> "PATCH " + rule.getPatch();
            case DELETE -> "DELETE " + rule.getDelete();
            case CUSTOM -> rule.getCustom().getKind() + " " + rule.getCustom().getPath();
            default -> "";
        };
    }

    private static JsonObject info(String version) {
        JsonObject info = new JsonObject();
        info.addProperty("title", "Newsroom API");
        info.addProperty("version", version);
        info.addProperty(
                "description",
                """
        The REST API of Newsroom, generated when the gateway is built from the protobuf contract \
        (the `google.api.http` options and the comments of proto/).

        JSON follows the proto3 JSON mapping: lowerCamelCase names, 64-bit integers as strings \
        (numbers are read too), enums by name, times in RFC 3339 UTC; fields at their default \
        value are left out of answers. Lists take `pageSize` and `pageToken` and answer \
        `nextPageToken`, empty on the last page. Anonymous GETs of public calls may be cached \
        (`Cache-Control: public`); every failure answers the `Error` shape.""");
        return info;
    }

    private static JsonArray tags(Map<String, ServiceDescriptor> services, ProtoComments comments) {
        JsonArray tags = new JsonArray();
        services.forEach(
                (name, service) -> {
                    JsonObject tag = new JsonObject();
                    tag.addProperty("name", name);
                    String about = comments.of(service);
                    FileDescriptor file = service.getFile();
                    JsonSchemas.describe(tag, about.isEmpty() ? comments.ofPackage(file) : about);
                    tags.add(tag);
                });
        return tags;
    }

    private static JsonObject components(JsonSchemas schemas) {
        JsonObject all = schemas.components();
        JsonObject sorted = new JsonObject();
        Map<String, JsonObject> byName = new TreeMap<>();
        all.entrySet().forEach(e -> byName.put(e.getKey(), e.getValue().getAsJsonObject()));
        byName.put(ERROR_SCHEMA, ErrorSchemas.error());
        byName.forEach(sorted::add);
        JsonObject components = new JsonObject();
        components.add("schemas", sorted);
        components.add(
                "responses",
                ErrorSchemas.responses(
                        ERROR_SCHEMA,
                        Map.of(
                                CLIENT_ERROR,
                                ErrorSchemas.CLIENT_ERROR,
                                SERVER_ERROR,
                                ErrorSchemas.SERVER_ERROR,
                                UNAUTHENTICATED,
                                ErrorSchemas.UNAUTHENTICATED,
                                PERMISSION_DENIED,
                                ErrorSchemas.PERMISSION_DENIED)));
        JsonObject bearer = new JsonObject();
        bearer.addProperty("type", "http");
        bearer.addProperty("scheme", "bearer");
        bearer.addProperty("bearerFormat", "JWT");
        bearer.addProperty(
                "description",
                "A JWT from the newsroom's issuer; its roles claim decides what the caller may do.");
        JsonObject securitySchemes = new JsonObject();
        securitySchemes.add(Operations.BEARER, bearer);
        components.add("securitySchemes", securitySchemes);
        return components;
    }
}
