package dev.newsroom.article;

import io.micronaut.runtime.Micronaut;
import java.util.HashMap;
import java.util.Map;

/** article-service: stories, their life cycle, revisions, sections and the change feed. */
public final class Application {
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Application() {}

    public static void main(String[] args) {
        Map<String, Object> defaults = new HashMap<>();
        String dataDir = System.getenv("NEWSROOM_DATA_DIR");
        if (isBlank(System.getenv("NEWSROOM_ARTICLE_DB_URL")) && !isBlank(dataDir)) {
            // the embedded default follows the data directory the launcher gives us
            defaults.put(
                    "datasources.default.url",
                    "jdbc:h2:file:" + dataDir + "/articles" + H2_OPTIONS);
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
