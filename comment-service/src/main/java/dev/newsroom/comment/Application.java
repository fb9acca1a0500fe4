package dev.newsroom.comment;

import io.micronaut.runtime.Micronaut;
import java.util.HashMap;
import java.util.Map;

/** comment-service: reader comments, threads, the moderation pipeline, counts and rate limits. */
public final class Application {
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Application() {}

    public static void main(String[] args) {
        Map<String, Object> defaults = new HashMap<>();
        String dataDir = System.getenv("NEWSROOM_DATA_DIR");
        if (isBlank(System.getenv("NEWSROOM_COMMENT_DB_URL")) && !isBlank(dataDir)) {
            // the embedded default follows the data directory the launcher gives us
            defaults.put(
                    "datasources.default.url",
                    "jdbc:h2:file:" + dataDir + "/comments" + H2_OPTIONS);
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
