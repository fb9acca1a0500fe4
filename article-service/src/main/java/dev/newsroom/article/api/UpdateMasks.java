package dev.newsroom.article.api;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which fields an UpdateArticle call changes. */
final class UpdateMasks {
    /** Identifiers, preconditions and output-only fields: ignored when a mask names them. */
    private static final Set<String> IGNORED =
            Set.of(
                    "id",
                    "version",
                    "status",
                    "create_time",
                    "publish_time",
                    "update_time",
                    "schedule_time");

    private UpdateMasks() {}

    /**
     * The mask's paths without the ignored ones; with no mask, the fields that are set
     * (non-empty), as AIP-134 describes.
     */
    static Set<String> fields(UpdateArticleRequest r) {
        Set<String> fields = new LinkedHashSet<>();
        if (r.hasUpdateMask() && r.getUpdateMask().getPathsCount() > 0) {
            for (String path : r.getUpdateMask().getPathsList()) {
                if (!IGNORED.contains(path)) {
                    fields.add(path);
                }
            }
            return fields;
        }
        Article a = r.getArticle();
        addIf(fields, "slug", !a.getSlug().isEmpty());
        addIf(fields, "language", !a.getLanguage().isEmpty());
        addIf(fields, "section", !a.getSection().isEmpty());
        addIf(fields, "tags", a.getTagsCount() > 0);
        addIf(fields, "headline", !a.getHeadline().isEmpty());
        addIf(fields, "lead", !a.getLead().isEmpty());
        addIf(fields, "body", !a.getBody().isEmpty());
        addIf(fields, "author", !a.getAuthor().isEmpty());
        return fields;
    }

    private static void addIf(Set<String> fields, String name, boolean present) {
        if (present) {
            fields.add(name);
        }
    }
}
