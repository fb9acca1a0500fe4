package dev.newsroom.gateway.openapi;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ExtensionRegistry;
import dev.newsroom.proto.common.v1.AccessProto;
import dev.newsroom.proto.common.v1.HttpSemanticsProto;
import dev.newsroom.proto.common.v1.LimitsProto;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract as protoc wrote it into the proto jar ({@value #RESOURCE}): every file with its
 * imports and with source info, so the comments are there (the generated Java descriptors
 * drop them). The options the document needs ({@code google.api.http}, field behaviour,
 * {@code newsroom.common.v1.access} and {@code http_semantics}) are parsed as the generated code parses them, so the
 * same {@code BindingCatalog} the gateway routes with can be built from these files.
 */
public final class ContractDescriptors {

    /** Where proto/pom.xml has protoc write the descriptor set. */
    public static final String RESOURCE = "newsroom/descriptors.pb";

    private final List<FileDescriptor> files;

    private ContractDescriptors(List<FileDescriptor> files) {
        this.files = List.copyOf(files);
    }

    /** Reads {@value #RESOURCE} from {@code loader}. */
    public static ContractDescriptors load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is not on the class path (built by the proto module)");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Builds every file of a serialised FileDescriptorSet whose imports come before their importers (protoc's order). */
    public static ContractDescriptors parse(byte[] descriptorSet) throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(registry);
        FieldBehaviorProto.registerAllExtensions(registry);
        AccessProto.registerAllExtensions(registry);
        HttpSemanticsProto.registerAllExtensions(registry);
        LimitsProto.registerAllExtensions(registry);
        FileDescriptorSet set = FileDescriptorSet.parseFrom(descriptorSet, registry);
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (FileDescriptorProto file : set.getFileList()) {
            List<FileDescriptor> imports = new ArrayList<>();
            for (String name : file.getDependencyList()) {
                FileDescriptor dependency = built.get(name);
                if (dependency == null) {
                    throw new IllegalStateException(
                            file.getName()
                                    + " imports "
                                    + name
                                    + ", which the set does not hold before it");
                }
                imports.add(dependency);
            }
            try {
                built.put(
                        file.getName(),
                        FileDescriptor.buildFrom(file, imports.toArray(FileDescriptor[]::new)));
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException("invalid descriptor " + file.getName(), e);
            }
        }
        return new ContractDescriptors(List.copyOf(built.values()));
    }

    /** Files already built, e.g. generated ones (they carry no comments, so the document has none). */
    public static ContractDescriptors of(List<FileDescriptor> files) {
        return new ContractDescriptors(files);
    }

    /** Every file of the set, imports first. */
    public List<FileDescriptor> files() {
        return files;
    }
}
