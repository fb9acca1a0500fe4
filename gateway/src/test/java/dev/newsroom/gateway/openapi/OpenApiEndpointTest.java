package dev.newsroom.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.gateway.testing.EchoBackend;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.gateway.transcoding.HttpBinding;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document as a client gets it from {@code GET /api/v1/openapi.json}: valid
 * OpenAPI 3.1, exactly the routes the gateway transcodes (its own BindingCatalog, with the
 * descriptors application.yml configures), described by the protos' comments. Every
 * /api/v1 path is routed to an address where nothing listens, so an answer at all shows the
 * gateway answers this path itself.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsroom.gateway.transcoding.deadline=2s")
class OpenApiEndpointTest {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

    @LocalServerPort int port;

    @Autowired BindingCatalog catalog;

    private WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add(ROUTES + "[0].id", () -> "nothing-listens");
        registry.add(ROUTES + "[0].uri", () -> "grpc://127.0.0.1:" + EchoBackend.closedPort());
        registry.add(ROUTES + "[0].predicates[0]", () -> "Path=/api/v1/**");
    }

    @BeforeEach
    void connect() {
        client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
    }

    @Test
    void servedDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");

        // the same check does find faults: a path parameter missing from its operation, no info
        JsonObject broken = parse(served());
        broken.remove("info");
        broken.getAsJsonObject("paths")
                .getAsJsonObject("/api/v1/articles/{id}")
                .getAsJsonObject("get")
                .remove("parameters");
        assertThat(
                        new OpenAPIV3Parser()
                                .readContents(broken.toString(), null, options)
                                .getMessages())
                .isNotEmpty();
    }

    @Test
    void documentListsExactlyTheRoutesTheGatewayTranscodes() {
        JsonObject paths = parse(served()).getAsJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.entrySet()
                .forEach(
                        path ->
                                path.getValue()
                                        .getAsJsonObject()
                                        .entrySet()
                                        .forEach(
                                                operation -> {
                                                    String method =
                                                            operation.getKey().toUpperCase();
                                                    documented.add(method + " " + path.getKey());
                                                    // the documented path, filled in, reaches the
                                                    // RPC the operation names
                                                    String example =
                                                            path.getKey()
                                                                    .replaceAll("\\{[^}]+}", "1");
                                                    String operationId =
                                                            operation
                                                                    .getValue()
                                                                    .getAsJsonObject()
                                                                    .get("operationId")
                                                                    .getAsString();
                                                    assertThat(
                                                                    catalog.match(method, example)
                                                                            .binding()
                                                                            .rpc()
                                                                            .getFullName())
                                                            .as(method + " " + example)
                                                            .isEqualTo(
                                                                    operationId.replaceFirst(
                                                                            "_[0-9]+$", ""));
                                                }));
        Set<String> transcoded =
                catalog.bindings().stream()
                        .map(b -> b.httpMethod() + " " + OpenApiPath.of(b.template()).path())
                        .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(transcoded);
        assertThat(transcoded)
                .contains(
                        "POST /api/v1/articles/{id}:publish",
                        "PATCH /api/v1/articles/{article.id}",
                        "GET /api/v1/search:suggest",
                        "GET /api/v1/articles/{article_id}/comments");
    }

    @Test
    void fieldCommentsBecomeDescriptionsAndInt64IsAString() {
        JsonObject article =
                parse(served())
                        .getAsJsonObject("components")
                        .getAsJsonObject("schemas")
                        .getAsJsonObject("newsroom.article.v1.Article");
        JsonObject id = article.getAsJsonObject("properties").getAsJsonObject("id");

        assertThat(id.get("type").getAsString()).isEqualTo("string");
        assertThat(id.get("format").getAsString()).isEqualTo("int64");
        assertThat(id.get("description").getAsString()).startsWith("News ID.");
    }

    @Test
    void inputBudgetsAreMaxLengthAndMaxItems() {
        JsonObject document = parse(served());
        JsonObject tags =
                document.getAsJsonObject("components")
                        .getAsJsonObject("schemas")
                        .getAsJsonObject("newsroom.article.v1.Article")
                        .getAsJsonObject("properties")
                        .getAsJsonObject("tags");
        assertThat(tags.get("maxItems").getAsInt()).isEqualTo(100);
        assertThat(tags.getAsJsonObject("items").get("maxLength").getAsInt()).isEqualTo(200);
        JsonObject section =
                document
                        .getAsJsonObject("paths")
                        .getAsJsonObject("/api/v1/hot")
                        .getAsJsonObject("get")
                        .getAsJsonArray("parameters")
                        .asList()
                        .stream()
                        .map(JsonElement::getAsJsonObject)
                        .filter(p -> p.get("name").getAsString().equals("section"))
                        .findFirst()
                        .orElseThrow();
        assertThat(section.getAsJsonObject("schema").get("maxLength").getAsInt()).isEqualTo(40);
    }

    @Test
    void rolesAndDeclaredHttpSemanticsMatchWhatTheGatewayDoes() {
        JsonObject paths = parse(served()).getAsJsonObject("paths");
        for (HttpBinding binding : catalog.bindings()) {
            JsonObject operation =
                    paths.getAsJsonObject(OpenApiPath.of(binding.template()).path())
                            .getAsJsonObject(binding.httpMethod().toLowerCase());
            JsonObject responses = operation.getAsJsonObject("responses");
            assertThat(responses.has("4XX")).as(binding.toString()).isTrue();
            assertThat(responses.has("401"))
                    .as(binding.toString())
                    .isEqualTo(!binding.requiredRoles().isEmpty());
            Set<String> roles =
                    operation.getAsJsonArray("security").asList().stream()
                            .map(
                                    requirement ->
                                            requirement
                                                    .getAsJsonObject()
                                                    .getAsJsonArray(Operations.BEARER))
                            .flatMap(
                                    names ->
                                            names == null
                                                    ? Stream.empty()
                                                    : names.asList().stream()
                                                            .map(JsonElement::getAsString))
                            .collect(Collectors.toSet());
            assertThat(roles).as(binding.toString()).isEqualTo(Set.copyOf(binding.requiredRoles()));
            assertThat(responses.has("304"))
                    .as(binding.toString())
                    .isEqualTo(binding.isGet() && binding.semantics().etag() != null);
            boolean created = binding.httpMethod().equals("POST") && !binding.customMethod();
            JsonObject success = responses.getAsJsonObject(created ? "201" : "200");
            assertThat(success.has("headers") && success.getAsJsonObject("headers").has("Location"))
                    .as(binding.toString())
                    .isEqualTo(created && binding.semantics().location() != null);
        }
        assertThat(
                        paths.getAsJsonObject("/api/v1/articles")
                                .getAsJsonObject("post")
                                .getAsJsonObject("responses")
                                .has("201"))
                .isTrue();
    }

    @Test
    void documentIsCacheableAndRevalidatesWithItsETag() {
        var answer =
                client.get()
                        .uri(OpenApiController.PATH)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectHeader()
                        .valueMatches(HttpHeaders.CACHE_CONTROL, "public, max-age=\\d+")
                        .expectBody(String.class)
                        .returnResult();
        String etag = answer.getResponseHeaders().getETag();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        client.get()
                .uri(OpenApiController.PATH)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag);
        // the route itself is live: a transcoded path on it gets the backend's failure
        client.get().uri("/api/v1/sections").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void servedDocumentIsWhatTheContractGivesByteForByte() {
        String served = served();
        String version = parse(served).getAsJsonObject("info").get("version").getAsString();
        ContractDescriptors contract = ContractDescriptors.load(getClass().getClassLoader());

        assertThat(OpenApiDocument.generate(contract, version)).isEqualTo(served);
        assertThat(OpenApiDocument.generate(contract, version)).isEqualTo(served);
    }

    private String served() {
        return client.get()
                .uri(OpenApiController.PATH)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
