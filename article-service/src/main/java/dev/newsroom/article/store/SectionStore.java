package dev.newsroom.article.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agency's sections (desks) with their names per language. */
@Singleton
public class SectionStore {
    /** A section and its display names keyed by language tag. */
    public record Section(String id, Map<String, String> names) {}

    private final JdbcOperations jdbc;

    public SectionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Section> all() {
        return jdbc.prepareStatement(
                "SELECT s.id, n.language, n.name FROM section s "
                        + "LEFT JOIN section_name n ON n.section_id = s.id ORDER BY s.position, n.language",
                ps -> {
                    Map<String, Map<String, String>> byId = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Map<String, String> names =
                                    byId.computeIfAbsent(
                                            rs.getString("id"), k -> new LinkedHashMap<>());
                            if (rs.getString("language") != null) {
                                names.put(rs.getString("language"), rs.getString("name"));
                            }
                        }
                    }
                    List<Section> out = new ArrayList<>();
                    byId.forEach(
                            (id, names) ->
                                    out.add(
                                            new Section(
                                                    id,
                                                    java.util.Collections.unmodifiableMap(names))));
                    return out;
                });
    }
}
