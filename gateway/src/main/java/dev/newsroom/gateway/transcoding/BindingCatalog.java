package dev.newsroom.gateway.transcoding;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.newsroom.gateway.auth.AccessRules;
import dev.newsroom.gateway.errors.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every REST mapping of the contract, discovered at start-up from the {@code google.api.http}
 * options in the generated file descriptors (docs/architecture.md, decision 1), each with the roles
 * ({@code access}) and caching/read-path semantics ({@code http_semantics}) its RPC declares.
 * Adding an RPC with an http option to proto/ adds its endpoint here, with no gateway code.
 */
public final class BindingCatalog {

    /** A matched request: the binding and the values of its path variables. */
    public record Match(HttpBinding binding, Map<String, String> pathVariables) {}

    private final List<HttpBinding> bindings;

    private BindingCatalog(List<HttpBinding> bindings) {
        this.bindings =
                bindings.stream()
                        .sorted(
                                Comparator.comparingInt(
                                                (HttpBinding b) -> b.template().specificity())
                                        .reversed())
                        .toList();
    }

    /** Loads the files of generated outer classes, e.g. {@code dev.newsroom.proto.article.v1.ArticleProto}. */
    public static BindingCatalog fromOuterClasses(List<String> classNames) {
        List<FileDescriptor> files = new ArrayList<>();
        for (String name : classNames) {
            try {
                files.add(
                        (FileDescriptor)
                                Class.forName(name.trim()).getMethod("getDescriptor").invoke(null));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("not a generated proto outer class: " + name, e);
            }
        }
        return of(files);
    }

    public static BindingCatalog of(List<FileDescriptor> files) {
        List<HttpBinding> bindings = new ArrayList<>();
        Set<String> seenFiles = new HashSet<>();
        Set<String> seenRoutes = new HashSet<>();
        for (FileDescriptor file : files) {
            if (!seenFiles.add(file.getFullName())) continue;
            for (ServiceDescriptor service : file.getServices()) {
                for (MethodDescriptor rpc : service.getMethods()) {
                    if (!rpc.getOptions().hasExtension(AnnotationsProto.http)) continue;
                    HttpRule rule = rpc.getOptions().getExtension(AnnotationsProto.http);
                    RpcSemantics semantics = RpcSemantics.of(rpc);
                    List<HttpRule> rules = new ArrayList<>(List.of(rule));
                    rules.addAll(rule.getAdditionalBindingsList());
                    for (HttpRule r : rules) {
                        HttpBinding binding = toBinding(r, rpc, semantics);
                        if (!seenRoutes.add(binding.httpMethod() + " " + binding.template())) {
                            throw new IllegalStateException(
                                    "two RPCs map to "
                                            + binding.httpMethod()
                                            + " "
                                            + binding.template());
                        }
                        bindings.add(binding);
                    }
                }
            }
        }
        BindingCatalog catalog = new BindingCatalog(bindings);
        bindings.forEach(catalog::validateSemantics);
        return catalog;
    }

    public List<HttpBinding> bindings() {
        return bindings;
    }

    /** The most specific binding for the request; 404 when no template matches, 405 when only the method is wrong. */
    public Match match(String httpMethod, String rawPath) {
        Set<String> allowed = new TreeSet<>();
        for (HttpBinding binding : bindings) {
            Map<String, String> variables = binding.template().match(rawPath);
            if (variables == null) continue;
            if (binding.httpMethod().equals(httpMethod)) {
                return new Match(binding, variables);
            }
            allowed.add(binding.httpMethod());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no such resource: " + rawPath);
        }
        throw ApiException.methodNotAllowed(httpMethod, List.copyOf(allowed));
    }

    private static HttpBinding toBinding(
            HttpRule rule, MethodDescriptor rpc, RpcSemantics semantics) {
        if (rpc.isClientStreaming() || rpc.isServerStreaming()) {
            throw new IllegalStateException(
                    rpc.getFullName() + ": only unary RPCs can have an http option");
        }
        if (!rule.getResponseBody().isEmpty()) {
            throw new IllegalStateException(rpc.getFullName() + ": response_body is not supported");
        }
        String method;
        String template;
        switch (rule.getPatternCase()) {
            case GET -> {
                method = "GET";
                template = rule.getGet();
            }
            case POST -> {
                method = "POST";
                template = rule.getPost();
            }
            case PUT -> {
                method = "PUT";
                template = rule.getPut();
            }
            case PATCH -> {
                method = "PATCH";
                template = rule.getPatch();
            }
            case DELETE -> {
                method = "DELETE";
                template = rule.getDelete();
            }
            case CUSTOM -> {
                method = rule.getCustom().getKind();
                template = rule.getCustom().getPath();
            }
            default ->
                    throw new IllegalStateException(
                            rpc.getFullName() + ": http rule without a pattern");
        }
        HttpBinding binding =
                HttpBinding.of(
                        method,
                        template,
                        rule.getBody(),
                        rpc,
                        AccessRules.requiredRoles(rpc),
                        semantics);
        validate(binding);
        return binding;
    }

    /** Fails start-up on a mapping that could never bind, rather than on the first request. */
    private static void validate(HttpBinding binding) {
        Descriptor input = binding.rpc().getInputType();
        if (binding.hasBody()
                && !binding.wholeBody()
                && input.findFieldByName(binding.body()) == null) {
            throw new IllegalStateException(binding + ": no body field " + binding.body());
        }
        for (String variable : binding.template().variableNames()) {
            List<FieldDescriptor> path = FieldPaths.resolve(input, variable);
            FieldDescriptor leaf = path == null ? null : path.get(path.size() - 1);
            if (leaf == null
                    || leaf.isRepeated()
                    || (leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                            && !FieldPaths.isScalarLike(leaf.getMessageType()))) {
                throw new IllegalStateException(
                        binding
                                + ": path variable "
                                + variable
                                + " is not a singular scalar field");
            }
        }
    }

    /**
     * Fails start-up on semantics a binding cannot have: a public read is a role-free GET; a
     * Location belongs to a create and must name a path some GET of this catalog answers.
     */
    private void validateSemantics(HttpBinding binding) {
        RpcSemantics semantics = binding.semantics();
        if (semantics.publicRead() && (!binding.isGet() || !binding.requiredRoles().isEmpty())) {
            throw new IllegalStateException(
                    binding + ": a public_read must be a GET that needs no role");
        }
        if (semantics.location() != null) {
            if (!binding.httpMethod().equals("POST") || binding.customMethod()) {
                throw new IllegalStateException(
                        binding + ": only a create (POST without :verb) has a location");
            }
            String sample = semantics.location().sample("1");
            try {
                match("GET", sample);
            } catch (ApiException e) {
                throw new IllegalStateException(
                        binding + ": no GET answers its location " + semantics.location(), e);
            }
        }
    }

    /** Bindings grouped by RPC, for logging what was discovered. */
    public Map<String, List<String>> describe() {
        Map<String, List<String>> byRpc = new LinkedHashMap<>();
        for (HttpBinding b : bindings) {
            byRpc.computeIfAbsent(b.rpc().getFullName(), k -> new ArrayList<>())
                    .add(b.httpMethod() + " " + b.template());
        }
        return byRpc;
    }
}
