package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StructProto;
import com.google.protobuf.Timestamp;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.util.JsonFormat;
import dev.newsroom.proto.article.v1.ArticleProto;
import dev.newsroom.proto.comment.v1.CommentProto;
import dev.newsroom.proto.search.v1.SearchProto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ProtoJson} prints exactly what JsonFormat prints (then encoded as UTF-8), on random
 * messages of every type of the three contracts and of a test type with every field kind.
 */
class ProtoJsonTest {

    private static final JsonFormat.Printer JSON_FORMAT =
            JsonFormat.printer().omittingInsignificantWhitespace();

    /** What readers and editors write, plus everything an escaper can get wrong. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        " ",
        "\"",
        "\\",
        "/",
        "<",
        ">",
        "&",
        "=",
        "'",
        "\t",
        "\n",
        "\r",
        "\b",
        "\f",
        "\u0000",
        "\u0001",
        "\u001f",
        "\u007f",
        "é",
        "ß",
        "\u0800",
        "\uffff",
        "تهران",
        "ی",
        "ي",
        "ک",
        "ك",
        "\u200c",
        "۱۴۰۳",
        "\u2028",
        "\u2029",
        "😀",
        "\ud83d",
        "\ude00",
        "<mark>",
        "</mark>",
        "…",
        "İstanbul",
        "中文"
    };

    @Test
    void everyTypeOfTheContractsPrintsAsJsonFormatDoes() throws Exception {
        Random random = new Random(20261128);
        int printed = 0;
        for (FileDescriptor file :
                List.of(
                        ArticleProto.getDescriptor(),
                        CommentProto.getDescriptor(),
                        SearchProto.getDescriptor())) {
            for (Descriptor type : allTypes(file.getMessageTypes())) {
                for (int i = 0; i < 200; i++) {
                    assertSame(randomMessage(type, random, 0));
                    printed++;
                }
            }
        }
        assertThat(printed).isGreaterThan(2000);
    }

    @Test
    void everyFieldKindPrintsAsJsonFormatDoes() throws Exception {
        Descriptor everything = everyKind().findMessageTypeByName("Everything");
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            assertSame(randomMessage(everything, random, 0));
        }
    }

    @Test
    void edgeValuesPrintAsJsonFormatDoes() throws Exception {
        Descriptor everything = everyKind().findMessageTypeByName("Everything");
        DynamicMessage.Builder b = DynamicMessage.newBuilder(everything);
        b.setField(everything.findFieldByName("f_double"), Double.NaN);
        b.setField(everything.findFieldByName("f_float"), Float.NEGATIVE_INFINITY);
        b.setField(everything.findFieldByName("f_uint64"), -1L);
        b.setField(everything.findFieldByName("f_uint32"), -1);
        b.setField(everything.findFieldByName("f_string"), String.join("", PIECES));
        b.setField(
                everything.findFieldByName("f_bytes"),
                ByteString.copyFrom(new byte[] {0, -1, 62, 63}));
        b.setField(
                everything.findFieldByName("f_enum"),
                everything
                        .findFieldByName("f_enum")
                        .getEnumType()
                        .findValueByNumberCreatingIfUnknown(42));
        for (long seconds : new long[] {-62_135_596_800L, 0, 253_402_300_799L, 1_764_288_000L}) {
            for (int nanos :
                    new int[] {
                        0, 1, 1_000, 1_000_000, 999_999_999, 120_000_000, 120_300_000, 120_300_400
                    }) {
                b.setField(
                        everything.findFieldByName("f_time"),
                        Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build());
                assertSame(b.build());
            }
        }
    }

    @Test
    void longTextFullOfEscapesPrintsAsJsonFormatDoes() throws Exception {
        Descriptor everything = everyKind().findMessageTypeByName("Everything");
        Random random = new Random(3);
        for (String text :
                new String[] {
                    "<".repeat(5000),
                    "a".repeat(9000) + "\u2028".repeat(3000),
                    "تهران".repeat(2000) + "<mark>&</mark>".repeat(800)
                }) {
            DynamicMessage.Builder b =
                    DynamicMessage.newBuilder(everything)
                            .setField(everything.findFieldByName("f_string"), text);
            for (int i = 0; i < 40; i++) {
                b.addRepeatedField(
                        everything.findFieldByName("r_string"),
                        randomString(random).repeat(random.nextInt(200)));
            }
            assertSame(b.build());
        }
    }

    @Test
    void aTimestampOutOfRangeFailsAsJsonFormatDoes() throws Exception {
        Descriptor everything = everyKind().findMessageTypeByName("Everything");
        Timestamp[] outOfRange = {
            Timestamp.newBuilder().setSeconds(253_402_300_800L).build(),
            Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
            Timestamp.newBuilder().setNanos(-1).build(),
            Timestamp.newBuilder().setNanos(1_000_000_000).build()
        };
        for (Timestamp time : outOfRange) {
            DynamicMessage bad =
                    DynamicMessage.newBuilder(everything)
                            .setField(everything.findFieldByName("f_time"), time)
                            .build();
            Throwable expected = catchThrowable(() -> JSON_FORMAT.print(bad));
            assertThat(expected).isNotNull();
            assertThatThrownBy(() -> ProtoJson.print(bad))
                    .isExactlyInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void aTimestampAloneIsAJsonString() throws Exception {
        assertSame(
                DynamicMessage.newBuilder(
                                Timestamp.newBuilder()
                                        .setSeconds(1_764_288_000L)
                                        .setNanos(5_000)
                                        .build())
                        .build());
    }

    @Test
    void aFieldHoldingAnotherTypeThanDeclaredIsLeftToJsonFormat() throws Exception {
        Descriptor everything = everyKind().findMessageTypeByName("Everything");
        DynamicMessage odd =
                DynamicMessage.newBuilder(everything)
                        .setField(
                                everything.findFieldByName("child"),
                                com.google.protobuf.Struct.newBuilder()
                                        .putFields(
                                                "k",
                                                com.google.protobuf.Value.newBuilder()
                                                        .setNumberValue(1)
                                                        .build())
                                        .build())
                        .build();
        assertSame(odd);
    }

    @Test
    void extensionsAreLeftToJsonFormat() throws Exception {
        FileDescriptorProto proto =
                FileDescriptorProto.newBuilder()
                        .setName("t/extended.proto")
                        .setPackage("t")
                        .setSyntax("proto2")
                        .addDependency("google/protobuf/duration.proto")
                        .addMessageType(
                                DescriptorProto.newBuilder()
                                        .setName("Extended")
                                        .addField(
                                                field(
                                                        "note",
                                                        1,
                                                        Type.TYPE_STRING,
                                                        Label.LABEL_OPTIONAL))
                                        .addExtensionRange(
                                                DescriptorProto.ExtensionRange.newBuilder()
                                                        .setStart(100)
                                                        .setEnd(200)))
                        .addExtension(
                                field("wait", 100, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.Duration")
                                        .setExtendee(".t.Extended"))
                        .build();
        FileDescriptor file =
                FileDescriptor.buildFrom(
                        proto,
                        new FileDescriptor[] {com.google.protobuf.DurationProto.getDescriptor()});
        Descriptor extended = file.findMessageTypeByName("Extended");
        DynamicMessage message =
                DynamicMessage.newBuilder(extended)
                        .setField(extended.findFieldByName("note"), "<b>")
                        .setField(
                                file.findExtensionByName("wait"),
                                com.google.protobuf.Duration.newBuilder().setSeconds(5).build())
                        .build();
        assertSame(message);
        assertThat(new String(ProtoJson.print(message), StandardCharsets.UTF_8)).contains("\"5s\"");
    }

    @Test
    void otherWellKnownTypesAreLeftToJsonFormat() throws Exception {
        Descriptor other = everyKind().findMessageTypeByName("OtherWellKnown");
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            assertSame(randomMessage(other, random, 0));
        }
        for (int i = 0; i < 200; i++) {
            DynamicMessage.Builder b = DynamicMessage.newBuilder(other);
            b.setField(
                    other.findFieldByName("mask"),
                    com.google.protobuf.FieldMask.newBuilder()
                            .addPaths("article.headline")
                            .addPaths("lead")
                            .build());
            b.setField(other.findFieldByName("note"), randomString(random));
            b.setField(
                    other.findFieldByName("data"),
                    com.google.protobuf.Struct.newBuilder()
                            .putFields(
                                    "k",
                                    com.google.protobuf.Value.newBuilder()
                                            .setStringValue(randomString(random))
                                            .build())
                            .build());
            assertSame(b.build());
        }
    }

    /** The same bytes, or the same failure (e.g. an invalid Duration left to JsonFormat). */
    private static void assertSame(DynamicMessage message) throws InvalidProtocolBufferException {
        Throwable failure = catchThrowable(() -> JSON_FORMAT.print(message));
        if (failure != null) {
            assertThatThrownBy(() -> ProtoJson.print(message))
                    .isExactlyInstanceOf(failure.getClass())
                    .hasMessage(failure.getMessage());
            return;
        }
        byte[] expected = JSON_FORMAT.print(message).getBytes(StandardCharsets.UTF_8);
        byte[] actual = ProtoJson.print(message);
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    private static List<Descriptor> allTypes(List<Descriptor> types) {
        List<Descriptor> all = new ArrayList<>();
        for (Descriptor type : types) {
            all.add(type);
            all.addAll(allTypes(type.getNestedTypes()));
        }
        return all;
    }

    private static DynamicMessage randomMessage(Descriptor type, Random random, int depth) {
        if (type.getFullName().equals(Timestamp.getDescriptor().getFullName())) {
            return DynamicMessage.newBuilder(randomTimestamp(random)).build();
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (random.nextInt(3) == 0
                    || (depth > 2 && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE)) {
                continue;
            }
            if (field.isRepeated()) {
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.addRepeatedField(field, randomValue(field, random, depth));
                }
            } else {
                b.setField(field, randomValue(field, random, depth));
            }
        }
        return b.build();
    }

    private static Object randomValue(FieldDescriptor field, Random random, int depth) {
        if (field.isMapField()) {
            return randomMessage(field.getMessageType(), random, depth + 1);
        }
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32, UINT32, FIXED32 ->
                    switch (random.nextInt(5)) {
                        case 0 -> 0;
                        case 1 -> -1;
                        case 2 -> Integer.MIN_VALUE;
                        case 3 -> Integer.MAX_VALUE;
                        default -> random.nextInt();
                    };
            case INT64, SINT64, SFIXED64, UINT64, FIXED64 ->
                    switch (random.nextInt(5)) {
                        case 0 -> 0L;
                        case 1 -> -1L;
                        case 2 -> Long.MIN_VALUE;
                        case 3 -> Long.MAX_VALUE;
                        default -> random.nextLong();
                    };
            case FLOAT ->
                    switch (random.nextInt(6)) {
                        case 0 -> Float.NaN;
                        case 1 ->
                                random.nextBoolean()
                                        ? Float.POSITIVE_INFINITY
                                        : Float.NEGATIVE_INFINITY;
                        case 2 -> -0.0f;
                        case 3 -> Float.MIN_VALUE;
                        default ->
                                (random.nextFloat() - 0.5f)
                                        * (float) Math.pow(10, random.nextInt(60) - 30);
                    };
            case DOUBLE ->
                    switch (random.nextInt(6)) {
                        case 0 -> Double.NaN;
                        case 1 ->
                                random.nextBoolean()
                                        ? Double.POSITIVE_INFINITY
                                        : Double.NEGATIVE_INFINITY;
                        case 2 -> -0.0;
                        case 3 -> Double.MAX_VALUE;
                        default ->
                                (random.nextDouble() - 0.5)
                                        * Math.pow(10, random.nextInt(600) - 300);
                    };
            case BOOL -> random.nextBoolean();
            case STRING -> randomString(random);
            case BYTES -> {
                byte[] bytes = new byte[random.nextInt(10)];
                random.nextBytes(bytes);
                yield ByteString.copyFrom(bytes);
            }
            case ENUM -> {
                EnumDescriptor e = field.getEnumType();
                yield random.nextInt(5) == 0 && !e.isClosed()
                        ? e.findValueByNumberCreatingIfUnknown(1000 + random.nextInt(10))
                        : e.getValues().get(random.nextInt(e.getValues().size()));
            }
            case MESSAGE, GROUP -> randomMessage(field.getMessageType(), random, depth + 1);
        };
    }

    private static Timestamp randomTimestamp(Random random) {
        long seconds =
                switch (random.nextInt(4)) {
                    case 0 -> -62_135_596_800L;
                    case 1 -> 253_402_300_799L;
                    default ->
                            -62_135_596_800L
                                    + (long)
                                            (random.nextDouble()
                                                    * (253_402_300_799L + 62_135_596_800L));
                };
        int nanos =
                switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1_000;
                    default -> random.nextInt(1_000_000_000);
                };
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** A proto3 file with a field of every kind (the contracts do not use them all), and one with other well-known types. */
    private static FileDescriptor everyKind() throws DescriptorValidationException {
        DescriptorProto.Builder everything = DescriptorProto.newBuilder().setName("Everything");
        int number = 1;
        for (Type type : Type.values()) {
            if (type == Type.TYPE_GROUP || type == Type.TYPE_MESSAGE || type == Type.TYPE_ENUM) {
                continue;
            }
            String name = type.name().substring(5).toLowerCase();
            everything.addField(field("f_" + name, number++, type, Label.LABEL_OPTIONAL));
            everything.addField(field("r_" + name, number++, type, Label.LABEL_REPEATED));
        }
        everything.addField(
                field("f_enum", number++, Type.TYPE_ENUM, Label.LABEL_OPTIONAL)
                        .setTypeName(".t.Kind"));
        everything.addField(
                field("r_enum", number++, Type.TYPE_ENUM, Label.LABEL_REPEATED)
                        .setTypeName(".t.Kind"));
        everything.addField(
                field("f_time", number++, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                        .setTypeName(".google.protobuf.Timestamp"));
        everything.addField(
                field("r_time", number++, Type.TYPE_MESSAGE, Label.LABEL_REPEATED)
                        .setTypeName(".google.protobuf.Timestamp"));
        everything.addField(
                field("child", number++, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                        .setTypeName(".t.Everything"));
        everything.addField(
                field("children", number++, Type.TYPE_MESSAGE, Label.LABEL_REPEATED)
                        .setTypeName(".t.Everything"));
        everything.addField(
                field("pick_text", number++, Type.TYPE_STRING, Label.LABEL_OPTIONAL)
                        .setOneofIndex(0));
        everything.addField(
                field("pick_time", number++, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                        .setOneofIndex(0)
                        .setTypeName(".google.protobuf.Timestamp"));
        everything.addOneofDecl(OneofDescriptorProto.newBuilder().setName("pick"));
        everything.addField(
                field("explicit_count", number++, Type.TYPE_INT32, Label.LABEL_OPTIONAL)
                        .setProto3Optional(true)
                        .setOneofIndex(1));
        everything.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_explicit_count"));
        String[][] maps = {
            {"TextToInt", "TYPE_STRING", "TYPE_INT32", null},
            {"LongToText", "TYPE_INT64", "TYPE_STRING", null},
            {"BoolToChild", "TYPE_BOOL", "TYPE_MESSAGE", ".t.Everything"},
            {"UintToKind", "TYPE_UINT32", "TYPE_ENUM", ".t.Kind"},
            {"Sint64ToTime", "TYPE_SINT64", "TYPE_MESSAGE", ".google.protobuf.Timestamp"},
            {"Int32ToText", "TYPE_INT32", "TYPE_STRING", null},
            {"Uint64ToBytes", "TYPE_UINT64", "TYPE_BYTES", null},
            {"Fixed32ToDouble", "TYPE_FIXED32", "TYPE_DOUBLE", null},
            {"Sfixed64ToFloat", "TYPE_SFIXED64", "TYPE_FLOAT", null}
        };
        for (String[] map : maps) {
            DescriptorProto.Builder entry =
                    DescriptorProto.newBuilder()
                            .setName(map[0] + "Entry")
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                            .addField(field("key", 1, Type.valueOf(map[1]), Label.LABEL_OPTIONAL));
            FieldDescriptorProto.Builder value =
                    field("value", 2, Type.valueOf(map[2]), Label.LABEL_OPTIONAL);
            if (map[3] != null) {
                value.setTypeName(map[3]);
            }
            everything.addNestedType(entry.addField(value));
            everything.addField(
                    field(
                                    "m_" + map[0].toLowerCase(),
                                    number++,
                                    Type.TYPE_MESSAGE,
                                    Label.LABEL_REPEATED)
                            .setTypeName(".t.Everything." + map[0] + "Entry"));
        }
        DescriptorProto.Builder other =
                DescriptorProto.newBuilder()
                        .setName("OtherWellKnown")
                        .addField(
                                field("mask", 1, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.FieldMask"))
                        .addField(field("note", 2, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                        .addField(
                                field("data", 3, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.Struct"))
                        .addField(
                                field("wait", 4, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.Duration"))
                        .addField(
                                field("count", 5, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.Int32Value"))
                        .addField(
                                field("nothing", 6, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.Empty"))
                        .addField(
                                field("blank", 7, Type.TYPE_ENUM, Label.LABEL_OPTIONAL)
                                        .setTypeName(".google.protobuf.NullValue"));
        EnumDescriptorProto.Builder kind = EnumDescriptorProto.newBuilder().setName("Kind");
        String[] names = {"KIND_UNSPECIFIED", "NEWS", "OPINION", "FEATURE"};
        for (int i = 0; i < names.length; i++) {
            kind.addValue(EnumValueDescriptorProto.newBuilder().setName(names[i]).setNumber(i));
        }
        FileDescriptorProto file =
                FileDescriptorProto.newBuilder()
                        .setName("t/everything.proto")
                        .setPackage("t")
                        .setSyntax("proto3")
                        .addDependency("google/protobuf/timestamp.proto")
                        .addDependency("google/protobuf/field_mask.proto")
                        .addDependency("google/protobuf/struct.proto")
                        .addDependency("google/protobuf/duration.proto")
                        .addDependency("google/protobuf/wrappers.proto")
                        .addDependency("google/protobuf/empty.proto")
                        .addMessageType(everything)
                        .addMessageType(other)
                        .addEnumType(kind)
                        .build();
        return FileDescriptor.buildFrom(
                file,
                new FileDescriptor[] {
                    TimestampProto.getDescriptor(),
                    FieldMaskProto.getDescriptor(),
                    StructProto.getDescriptor(),
                    com.google.protobuf.DurationProto.getDescriptor(),
                    com.google.protobuf.WrappersProto.getDescriptor(),
                    com.google.protobuf.EmptyProto.getDescriptor()
                });
    }

    private static FieldDescriptorProto.Builder field(
            String name, int number, Type type, Label label) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(label);
    }
}
