package dev.newsroom.gateway.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the gateway (exec-maven-plugin at process-classes, see gateway/pom.xml):
 * writes the OpenAPI document of the contract on the class path into the gateway's classes,
 * where {@link OpenApiController} serves it from.
 *
 * <p>Arguments: the file to write, the API version to put in {@code info.version}.
 */
public final class OpenApiGenerator {

    private OpenApiGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenApiGenerator <output file> <version>");
        }
        Path output = Path.of(args[0]);
        ContractDescriptors contract =
                ContractDescriptors.load(OpenApiGenerator.class.getClassLoader());
        String document = OpenApiDocument.generate(contract, args[1]);
        if (Files.exists(output)
                && Files.readString(output, StandardCharsets.UTF_8).equals(document)) {
            System.out.println("OpenAPI document " + output + " is up to date");
            return; // left untouched, so the jar is not rebuilt for nothing
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, document, StandardCharsets.UTF_8);
        System.out.println(
                "OpenAPI document written to "
                        + output
                        + " ("
                        + document.length()
                        + " characters)");
    }
}
