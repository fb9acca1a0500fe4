package dev.newsroom.service.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values by parameter name for {@link NamedSql#bind}. Unlike {@code Map.of} it takes nulls
 * (an SQL NULL), and it refuses the same name twice, which is always a slip.
 */
public final class Params {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Params() {}

    /** No values yet (a statement without parameters, or one built up condition by condition). */
    public static Params none() {
        return new Params();
    }

    public static Params of(String name, Object value) {
        return new Params().and(name, value);
    }

    /** Adds {@code name}; strings, numbers, booleans, instants, null, or a collection of them for {@code IN (:name)}. */
    public Params and(String name, Object value) {
        NamedSql.identifier(name);
        if (values.containsKey(name)) {
            throw new IllegalArgumentException(":" + name + " is given twice");
        }
        values.put(name, value);
        return this;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Object get(String name) {
        return values.get(name);
    }

    Set<String> names() {
        return values.keySet();
    }
}
