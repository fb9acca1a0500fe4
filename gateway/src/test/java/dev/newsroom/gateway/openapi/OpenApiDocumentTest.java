package dev.newsroom.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.testing.v1.EchoProto;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document of the test-only EchoService, whose requests use every shape the gateway
 * binds (TranscodingBindingTest sends them): repeated enums, timestamps, nested fields, a
 * named body, {@code body: "*"} with a path variable, an Empty answer, a map.
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT =
            OpenApiDocument.generate(
                    ContractDescriptors.of(List.of(EchoProto.getDescriptor())), "test");
    private static final JsonObject PATHS =
            JsonParser.parseString(DOCUMENT).getAsJsonObject().getAsJsonObject("paths");

    @Test
    void isValidOpenApi31() {
        assertThat(new OpenAPIV3Parser().readContents(DOCUMENT, null, null).getMessages())
                .isEmpty();
    }

    @Test
    void getRequestFieldsAreQueryParametersByJsonNameNestedOnesDotted() {
        List<JsonElement> parameters =
                operation("/test/v1/things", "get").getAsJsonArray("parameters").asList();

        assertThat(parameters)
                .extracting(p -> p.getAsJsonObject().get("name").getAsString())
                .containsExactly(
                        "pageSize",
                        "pageToken",
                        "kinds",
                        "tags",
                        "since",
                        "onlyActive",
                        "filter.color",
                        "filter.minWeight",
                        "ids");
        assertThat(schemaOf(parameters, "kinds").toString())
                .isEqualTo(
                        "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/newsroom.testing.v1.Thing.Kind\"}}");
        assertThat(schemaOf(parameters, "since").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(schemaOf(parameters, "ids").toString())
                .isEqualTo(
                        "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"int64\"}}");
    }

    @Test
    void aCreateIs201WithLocationAndAVerbIs200WithoutThePathFieldsInItsBody() {
        JsonObject create = operation("/test/v1/things", "post");
        assertThat(
                        create.getAsJsonObject("responses")
                                .getAsJsonObject("201")
                                .getAsJsonObject("headers")
                                .has("Location"))
                .isTrue();
        assertThat(create.getAsJsonObject("requestBody").toString())
                .contains("#/components/schemas/newsroom.testing.v1.Thing");

        JsonObject archive = operation("/test/v1/things/{id}:archive", "post");
        assertThat(archive.getAsJsonObject("responses").has("200")).isTrue();
        JsonObject body =
                archive.getAsJsonObject("requestBody")
                        .getAsJsonObject("content")
                        .getAsJsonObject("application/json")
                        .getAsJsonObject("schema");
        assertThat(body.getAsJsonObject("properties").keySet()).containsExactly("reason", "at");
    }

    @Test
    void aNamedBodyLeavesTheOtherFieldsToTheQuery() {
        List<JsonElement> parameters =
                operation("/test/v1/things/{thing.id}", "patch")
                        .getAsJsonArray("parameters")
                        .asList();

        assertThat(parameters)
                .extracting(
                        p ->
                                p.getAsJsonObject().get("name").getAsString()
                                        + ":"
                                        + p.getAsJsonObject().get("in").getAsString())
                .containsExactly("thing.id:path", "updateMask:query");
    }

    @Test
    void versionedReadsMayAnswer304AndMapsAreObjects() {
        assertThat(operation("/test/v1/things/{id}", "get").getAsJsonObject("responses").keySet())
                .containsExactly("200", "304", "4XX", "5XX");
        assertThat(
                        operation("/test/v1/things/{id}", "delete")
                                .getAsJsonObject("responses")
                                .keySet())
                .containsExactly("200", "401", "403", "4XX", "5XX");
        JsonObject identity =
                JsonParser.parseString(DOCUMENT)
                        .getAsJsonObject()
                        .getAsJsonObject("components")
                        .getAsJsonObject("schemas")
                        .getAsJsonObject("newsroom.testing.v1.Identity");
        assertThat(identity.getAsJsonObject("properties").getAsJsonObject("metadata").toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}");
    }

    private static JsonObject operation(String path, String method) {
        return PATHS.getAsJsonObject(path).getAsJsonObject(method);
    }

    private static JsonObject schemaOf(List<JsonElement> parameters, String name) {
        return parameters.stream()
                .map(JsonElement::getAsJsonObject)
                .filter(p -> p.get("name").getAsString().equals(name))
                .findFirst()
                .orElseThrow()
                .getAsJsonObject("schema");
    }
}
