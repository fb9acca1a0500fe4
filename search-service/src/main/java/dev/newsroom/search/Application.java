package dev.newsroom.search;

import io.micronaut.runtime.Micronaut;
import java.util.HashMap;
import java.util.Map;

/** search-service: full-text search over published stories, fed by article-service's change feed. */
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        Map<String, Object> defaults = new HashMap<>();
        String dataDir = System.getenv("NEWSROOM_DATA_DIR");
        if (isBlank(System.getenv("NEWSROOM_SEARCH_INDEX_DIR")) && !isBlank(dataDir)) {
            // the index follows the data directory the launcher gives us
            defaults.put("newsroom.search.data-dir", dataDir + "/search");
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .properties(defaults)
                .start();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
