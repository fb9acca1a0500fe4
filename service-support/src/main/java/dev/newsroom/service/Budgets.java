package dev.newsroom.service;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.newsroom.proto.common.v1.FieldLimits;
import dev.newsroom.proto.common.v1.LimitsProto;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's input budgets ({@code newsroom.common.v1.limits} on request fields),
 * checked on a whole request message before any work: every string within its
 * {@code max_length} characters, every repeated field within its {@code max_items}, nested
 * messages at most {@link #MAX_DEPTH} levels deep. Each message type's budgeted fields are
 * read from its descriptor once. docs/security.md, "Budgets".
 */
public final class Budgets {
    /** Deeper nesting is refused whatever the fields (no request message of ours nests this far). */
    public static final int MAX_DEPTH = 16;

    private static final Map<Descriptor, List<Rule>> RULES = new ConcurrentHashMap<>();

    private Budgets() {}

    /** One field's budget, or a message-typed field whose contents are checked in turn. */
    private record Rule(FieldDescriptor field, String name, int maxLength, int maxItems) {
        boolean isText() {
            return field.getJavaType() == FieldDescriptor.JavaType.STRING;
        }

        boolean isMessage() {
            return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField();
        }
    }

    /**
     * @throws StatusRuntimeException INVALID_ARGUMENT with a google.rpc.BadRequest naming the
     *         first field over its budget (by its JSON name, dotted for nested fields)
     */
    public static void check(Message message) {
        GrpcCalls.Violation v = firstViolation(message);
        if (v != null) {
            throw GrpcCalls.invalid(v.field() + " " + v.description(), List.of(v));
        }
    }

    /** The first field over its budget, or null. */
    public static GrpcCalls.Violation firstViolation(Message message) {
        return walk(message, "", 1);
    }

    /** A field's declared budget (the default instance when it declares none). */
    public static FieldLimits limits(FieldDescriptor field) {
        return field.getOptions().getExtension(LimitsProto.limits);
    }

    private static GrpcCalls.Violation walk(Message message, String prefix, int depth) {
        if (depth > MAX_DEPTH) {
            return new GrpcCalls.Violation(
                    prefix.isEmpty() ? "request" : prefix.substring(0, prefix.length() - 1),
                    "nests deeper than " + MAX_DEPTH + " levels");
        }
        for (Rule rule : RULES.computeIfAbsent(message.getDescriptorForType(), Budgets::rulesOf)) {
            FieldDescriptor field = rule.field();
            String name = prefix + rule.name();
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                if (rule.maxItems() > 0 && count > rule.maxItems()) {
                    return new GrpcCalls.Violation(
                            name, "must have at most " + rule.maxItems() + " items");
                }
                for (int i = 0; i < count; i++) {
                    GrpcCalls.Violation v =
                            value(rule, message.getRepeatedField(field, i), name, depth);
                    if (v != null) {
                        return v;
                    }
                }
            } else if (message.hasField(field)) {
                GrpcCalls.Violation v = value(rule, message.getField(field), name, depth);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static GrpcCalls.Violation value(Rule rule, Object value, String name, int depth) {
        if (rule.isText() && rule.maxLength() > 0 && tooLong((String) value, rule.maxLength())) {
            return new GrpcCalls.Violation(
                    name, "must be at most " + rule.maxLength() + " characters");
        }
        if (rule.isMessage()) {
            return walk((Message) value, name + ".", depth + 1);
        }
        return null;
    }

    /** In code points, as the columns count; the UTF-16 length decides most cases without counting. */
    static boolean tooLong(String text, int maxLength) {
        return text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength;
    }

    private static List<Rule> rulesOf(Descriptor type) {
        List<Rule> rules = new ArrayList<>();
        if (type.getFullName().startsWith("google.protobuf.")) {
            return rules; // well-known types: bounded by the message that holds them
        }
        for (FieldDescriptor field : type.getFields()) {
            FieldLimits limits = limits(field);
            boolean message =
                    field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField();
            if (limits.getMaxLength() > 0 || limits.getMaxItems() > 0 || message) {
                rules.add(
                        new Rule(
                                field,
                                field.getJsonName(),
                                limits.getMaxLength(),
                                limits.getMaxItems()));
            }
        }
        return List.copyOf(rules);
    }
}
