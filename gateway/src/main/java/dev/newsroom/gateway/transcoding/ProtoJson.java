package dev.newsroom.gateway.transcoding;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An answer's proto3 JSON as UTF-8, byte for byte what
 * {@code JsonFormat.printer().omittingInsignificantWhitespace()} prints and {@code getBytes(UTF_8)}
 * makes of it: lowerCamelCase names, fields in number order, default values omitted, 64-bit
 * integers quoted, NaN and infinities as strings, enums by name (by number when unknown), bytes as
 * padded base64, Timestamps as RFC 3339 with 0, 3, 6 or 9 fractional digits, strings escaped as
 * Gson does ({@code < > & = '} and control characters as six-character unicode escapes,
 * U+2028/2029 too).
 *
 * <p>Why not JsonFormat itself: it appends to a StringBuilder through an Appendable, formats every
 * Timestamp with a SimpleDateFormat and the String is then encoded again; that was a fifth of the
 * gateway's work on a 20-hit search answer (docs/read-path.md). Messages whose types reach any other
 * well-known type (Any, Struct, wrappers, Duration, FieldMask…), an enum value with options (JSON
 * names), extensions, or an out-of-range Timestamp are printed by JsonFormat: same output, same errors.
 * ProtoJsonTest holds the two equal on random messages of every type the gateway serves.
 */
final class ProtoJson {

    private static final JsonFormat.Printer JSON_FORMAT =
            JsonFormat.printer().omittingInsignificantWhitespace();
    private static final String TIMESTAMP = Timestamp.getDescriptor().getFullName();

    /** Timestamps.MIN_VALUE / MAX_VALUE: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    private static final long MIN_SECONDS = -62_135_596_800L;

    private static final long MAX_SECONDS = 253_402_300_799L;
    private static final byte[][] ESCAPES = new byte[128][];
    private static final byte[] LINE_SEPARATOR = "\\u2028".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARAGRAPH_SEPARATOR = "\\u2029".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII);
        }
        for (char c : "<>&='".toCharArray()) {
            ESCAPES[c] = String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII);
        }
        ESCAPES['"'] = "\\\"".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\\'] = "\\\\".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\t'] = "\\t".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\b'] = "\\b".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\n'] = "\\n".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\r'] = "\\r".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\f'] = "\\f".getBytes(StandardCharsets.US_ASCII);
    }

    private static final Map<Descriptor, Boolean> OURS = new ConcurrentHashMap<>();

    /** {@code "jsonName":} of each field, as printed. */
    private static final Map<FieldDescriptor, byte[]> NAMES = new ConcurrentHashMap<>();

    private ProtoJson() {}

    static byte[] print(MessageOrBuilder message) throws InvalidProtocolBufferException {
        if (OURS.computeIfAbsent(message.getDescriptorForType(), ProtoJson::printable)) {
            Out out = new Out();
            if (out.message(message)) {
                return out.bytes();
            }
        }
        return JSON_FORMAT.print(message).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether every type reachable from {@code type} is one this printer writes the way JsonFormat does. */
    private static boolean printable(Descriptor type) {
        return printable(type, new HashSet<>());
    }

    private static boolean printable(Descriptor type, Set<Descriptor> seen) {
        if (!seen.add(type)) {
            return true;
        }
        if (type.getFullName().equals(TIMESTAMP)) {
            return true;
        }
        if (type.getFullName().startsWith("google.protobuf.")
                || type.toProto().getExtensionRangeCount() > 0) {
            return false;
        }
        for (FieldDescriptor field : type.getFields()) {
            switch (field.getJavaType()) {
                case MESSAGE -> {
                    if (!printable(field.getMessageType(), seen)) {
                        return false;
                    }
                }
                case ENUM -> {
                    if (field.getEnumType().getFullName().equals("google.protobuf.NullValue")
                            || field.getEnumType().getValues().stream()
                                    .anyMatch(
                                            v ->
                                                    !v.getOptions()
                                                            .equals(
                                                                    EnumValueOptions
                                                                            .getDefaultInstance()))) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return true;
    }

    private static byte[] name(FieldDescriptor field) {
        return NAMES.computeIfAbsent(
                field, f -> ("\"" + f.getJsonName() + "\":").getBytes(StandardCharsets.UTF_8));
    }

    /** A growing UTF-8 buffer; {@code false} from a write means "let JsonFormat print this one". */
    private static final class Out {
        private byte[] buf = new byte[8192];
        private int len;

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }

        boolean message(MessageOrBuilder message) {
            Descriptor type = message.getDescriptorForType();
            if (type.getFullName().equals(TIMESTAMP)) {
                return timestamp(message);
            }
            if (type.getFullName().startsWith("google.protobuf.")) {
                return false; // a DynamicMessage may hold another type than its field declares
            }
            put('{');
            boolean first = true;
            for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
                FieldDescriptor field = entry.getKey();
                if (field.isExtension()) {
                    return false;
                }
                if (!first) {
                    put(',');
                }
                first = false;
                put(name(field));
                if (field.isMapField()) {
                    if (!map(field, (List<?>) entry.getValue())) {
                        return false;
                    }
                } else if (field.isRepeated()) {
                    put('[');
                    List<?> values = (List<?>) entry.getValue();
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            put(',');
                        }
                        if (!value(field, values.get(i), false)) {
                            return false;
                        }
                    }
                    put(']');
                } else if (!value(field, entry.getValue(), false)) {
                    return false;
                }
            }
            put('}');
            return true;
        }

        private boolean map(FieldDescriptor field, List<?> entries) {
            FieldDescriptor key = field.getMessageType().findFieldByName("key");
            FieldDescriptor value = field.getMessageType().findFieldByName("value");
            if (key == null || value == null) {
                return false;
            }
            put('{');
            for (int i = 0; i < entries.size(); i++) {
                MessageOrBuilder entry = (MessageOrBuilder) entries.get(i);
                if (i > 0) {
                    put(',');
                }
                if (!value(key, entry.getField(key), true)) {
                    return false;
                }
                put(':');
                if (!value(value, entry.getField(value), false)) {
                    return false;
                }
            }
            put('}');
            return true;
        }

        /** One value; {@code quoted}: a map key, always a JSON string. */
        private boolean value(FieldDescriptor field, Object value, boolean quoted) {
            switch (field.getType()) {
                case INT32, SINT32, SFIXED32 -> number(Integer.toString((Integer) value), quoted);
                case UINT32, FIXED32 -> number(Integer.toUnsignedString((Integer) value), quoted);
                case INT64, SINT64, SFIXED64 -> number(Long.toString((Long) value), true);
                case UINT64, FIXED64 -> number(Long.toUnsignedString((Long) value), true);
                case BOOL -> number((Boolean) value ? "true" : "false", quoted);
                case FLOAT -> floating((Float) value, Float.toString((Float) value), quoted);
                case DOUBLE -> floating((Double) value, Double.toString((Double) value), quoted);
                case STRING -> string((String) value);
                case BYTES ->
                        number(
                                Base64.getEncoder()
                                        .encodeToString(((ByteString) value).toByteArray()),
                                true);
                case ENUM -> {
                    EnumValueDescriptor e = (EnumValueDescriptor) value;
                    if (e.getIndex() == -1) {
                        number(Integer.toString(e.getNumber()), quoted);
                    } else {
                        number(e.getName(), true);
                    }
                }
                case MESSAGE, GROUP -> {
                    return message((MessageOrBuilder) value);
                }
            }
            return true;
        }

        /** NaN and the infinities as strings, other values as Float/Double.toString writes them. */
        private void floating(double value, String text, boolean quoted) {
            if (Double.isNaN(value)) {
                number("NaN", true);
            } else if (Double.isInfinite(value)) {
                number(value < 0 ? "-Infinity" : "Infinity", true);
            } else {
                number(text, quoted);
            }
        }

        /** What Timestamps.toString writes, without its SimpleDateFormat; out of range goes to JsonFormat's error. */
        private boolean timestamp(MessageOrBuilder message) {
            Descriptor type = message.getDescriptorForType();
            long seconds =
                    (Long) message.getField(type.findFieldByNumber(Timestamp.SECONDS_FIELD_NUMBER));
            int nanos =
                    (Integer)
                            message.getField(type.findFieldByNumber(Timestamp.NANOS_FIELD_NUMBER));
            if (seconds < MIN_SECONDS
                    || seconds > MAX_SECONDS
                    || nanos < 0
                    || nanos > 999_999_999) {
                return false;
            }
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            ensure(32);
            put('"');
            digits(t.getYear(), 4);
            put('-');
            digits(t.getMonthValue(), 2);
            put('-');
            digits(t.getDayOfMonth(), 2);
            put('T');
            digits(t.getHour(), 2);
            put(':');
            digits(t.getMinute(), 2);
            put(':');
            digits(t.getSecond(), 2);
            if (nanos != 0) {
                put('.');
                if (nanos % 1_000_000 == 0) {
                    digits(nanos / 1_000_000, 3);
                } else if (nanos % 1_000 == 0) {
                    digits(nanos / 1_000, 6);
                } else {
                    digits(nanos, 9);
                }
            }
            put('Z');
            put('"');
            return true;
        }

        private void digits(int value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                buf[len + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            len += width;
        }

        /** ASCII text, in quotes when asked. */
        private void number(String text, boolean quoted) {
            ensure(text.length() + 2);
            if (quoted) {
                buf[len++] = '"';
            }
            for (int i = 0; i < text.length(); i++) {
                buf[len++] = (byte) text.charAt(i);
            }
            if (quoted) {
                buf[len++] = '"';
            }
        }

        /**
         * Encoded by String.getBytes (a lone surrogate becomes '?', as when JsonFormat's String is
         * encoded), then escaped and quoted; U+2028/2029 are the bytes E2 80 A8/A9.
         */
        private void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int n = utf8.length;
            ensure(n + 2); // grown further only when an escape comes
            byte[] out = buf;
            int at = len;
            out[at++] = '"';
            int plain = 0; // start of the bytes not copied yet, which need no escape
            for (int i = 0; i < n; i++) {
                byte b = utf8[i];
                byte[] escape;
                if (b >= 0) {
                    escape = ESCAPES[b];
                    if (escape == null) {
                        continue;
                    }
                } else if (b == (byte) 0xe2
                        && i + 2 < n
                        && utf8[i + 1] == (byte) 0x80
                        && (utf8[i + 2] == (byte) 0xa8 || utf8[i + 2] == (byte) 0xa9)) {
                    escape = utf8[i + 2] == (byte) 0xa8 ? LINE_SEPARATOR : PARAGRAPH_SEPARATOR;
                } else {
                    continue;
                }
                if (at + (n - plain) + escape.length + 1 > out.length) {
                    len = at;
                    ensure((n - plain) + escape.length + 1);
                    out = buf;
                }
                System.arraycopy(utf8, plain, out, at, i - plain);
                at += i - plain;
                System.arraycopy(escape, 0, out, at, escape.length);
                at += escape.length;
                if (b < 0) {
                    i += 2;
                }
                plain = i + 1;
            }
            System.arraycopy(utf8, plain, out, at, n - plain);
            at += n - plain;
            out[at++] = '"';
            len = at;
        }

        private void put(char c) {
            ensure(1);
            buf[len++] = (byte) c;
        }

        private void put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }
    }
}
