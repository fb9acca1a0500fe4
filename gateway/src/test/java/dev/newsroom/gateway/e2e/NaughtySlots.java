package dev.newsroom.gateway.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.gateway.transcoding.HttpBinding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * Every place a client can put a string, read from the contract the gateway serves (its
 * {@link BindingCatalog}, not a hand list): each route's string path variables, string query
 * parameters and string fields of the JSON body (one message level deep). A naughty string
 * goes into one slot; every other slot of the request gets a plain value.
 */
final class NaughtySlots {
    enum Place {
        PATH,
        QUERY,
        BODY
    }

    /** One string field of one route, where it travels, by its JSON name ({@code a.b} when nested). */
    record Slot(HttpBinding binding, Place place, String name, boolean repeated) {
        @Override
        public String toString() {
            return binding.httpMethod() + " " + binding.template() + " " + place + " " + name;
        }
    }

    /** Ids of records the abuse may touch (never the ones checked afterwards). */
    record Victims(String storyId, String commentId) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.]+)(=[^}]*)?}");

    private NaughtySlots() {}

    static List<Slot> of(BindingCatalog catalog) {
        List<Slot> slots = new ArrayList<>();
        for (HttpBinding binding : catalog.bindings()) {
            Descriptor input = binding.rpc().getInputType();
            Set<String> pathBound = Set.copyOf(binding.template().variableNames());
            for (FieldDescriptor field : input.getFields()) {
                if (pathBound.contains(field.getName())) {
                    if (isString(field)) {
                        slots.add(new Slot(binding, Place.PATH, field.getName(), false));
                    }
                    continue;
                }
                boolean inBody = binding.wholeBody() || field.getName().equals(binding.body());
                Place place = inBody ? Place.BODY : Place.QUERY;
                if (inBody && binding.wholeBody() || !inBody) {
                    if (isString(field)) {
                        slots.add(
                                new Slot(binding, place, field.getJsonName(), field.isRepeated()));
                    } else if (isPlainMessage(field)) {
                        for (FieldDescriptor inner : field.getMessageType().getFields()) {
                            if (isString(inner)) {
                                slots.add(
                                        new Slot(
                                                binding,
                                                place,
                                                field.getJsonName() + "." + inner.getJsonName(),
                                                inner.isRepeated()));
                            }
                        }
                    }
                } else if (isPlainMessage(field)) {
                    // body: "<field>": the body is that message
                    for (FieldDescriptor inner : field.getMessageType().getFields()) {
                        if (isString(inner)) {
                            slots.add(
                                    new Slot(
                                            binding,
                                            Place.BODY,
                                            inner.getJsonName(),
                                            inner.isRepeated()));
                        }
                    }
                }
            }
        }
        return slots;
    }

    /** The request path with {@code value} in the slot (when it is a path slot), victims' ids in id variables. */
    static String path(Slot slot, String value, Victims victims) {
        Matcher m = VARIABLE.matcher(slot.binding().template().toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String text =
                    slot.place() == Place.PATH && variable.equals(slot.name())
                            ? value
                            : isCommentId(slot.binding(), variable)
                                    ? victims.commentId()
                                    : isString(
                                                    slot.binding()
                                                            .rpc()
                                                            .getInputType()
                                                            .findFieldByName(variable))
                                            ? "abuse"
                                            : victims.storyId();
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            UriUtils.encodePathSegment(text, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The query string (with its '?'), or "". */
    static String query(Slot slot, String value) {
        return slot.place() == Place.QUERY
                ? "?"
                        + URLEncoder.encode(slot.name(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)
                : "";
    }

    /**
     * The JSON body (null when the route takes none): the naughty value in its slot, plain text in
     * the body's other string fields, and the story's current version where the body has one
     * (an update), so the value gets past the required fields to the service.
     */
    static String body(Slot slot, String value, LongSupplier currentVersion) {
        if (!slot.binding().hasBody()) {
            return null;
        }
        JsonObject body = new JsonObject();
        if (slot.place() == Place.BODY) {
            String[] parts = slot.name().split("\\.");
            JsonObject at = body;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonObject child = new JsonObject();
                at.add(parts[i], child);
                at = child;
            }
            if (slot.repeated()) {
                JsonArray array = new JsonArray();
                array.add(value);
                at.add(parts[parts.length - 1], array);
            } else {
                at.addProperty(parts[parts.length - 1], value);
            }
        }
        Descriptor message = bodyMessage(slot.binding());
        plainDefaults(body, message);
        if (message != null && message.findFieldByName("version") != null) {
            body.addProperty("version", currentVersion.getAsLong());
        }
        return body.toString();
    }

    /** The message the JSON body is (the request, or its body field's message), null when that is no message. */
    private static Descriptor bodyMessage(HttpBinding binding) {
        Descriptor input = binding.rpc().getInputType();
        if (binding.wholeBody()) {
            return input;
        }
        FieldDescriptor field = input.findFieldByName(binding.body());
        return isPlainMessage(field) ? field.getMessageType() : null;
    }

    /** Enough for a create to get past its required fields, so the naughty value reaches the service. */
    private static void plainDefaults(JsonObject body, Descriptor message) {
        if (message == null) {
            return;
        }
        for (FieldDescriptor field : message.getFields()) {
            if (!isString(field) || field.isRepeated() || body.has(field.getJsonName())) {
                continue;
            }
            body.addProperty(
                    field.getJsonName(),
                    switch (field.getName()) {
                        case "language" -> "en";
                        case "section" -> "world";
                        case "email" -> "reader@example.org";
                        case "slug" -> "abuse-" + Long.toHexString(System.nanoTime());
                        default -> "Plain text";
                    });
        }
    }

    private static boolean isCommentId(HttpBinding binding, String variable) {
        return binding.rpc().getService().getName().startsWith("Comment")
                && (variable.equals("id") || variable.contains("comment"));
    }

    private static boolean isString(FieldDescriptor field) {
        return field != null && field.getType() == FieldDescriptor.Type.STRING;
    }

    private static boolean isPlainMessage(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && !field.isRepeated()
                && !field.isMapField()
                && !field.getMessageType().getFullName().startsWith("google.protobuf.");
    }
}
