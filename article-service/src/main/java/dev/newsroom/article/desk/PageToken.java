package dev.newsroom.article.desk;

import dev.newsroom.article.domain.StoryException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque cursor: the keyset of the last item served plus a fingerprint of the filters, so a
 * token cannot be replayed against another list. Stable under inserts: new stories sort
 * before the cursor, never into the pages still to come.
 */
record PageToken(Instant publishTime, long id) {

    String encode(String filters) {
        String raw =
                "v1|"
                        + (publishTime == null ? "" : publishTime.toString())
                        + "|"
                        + id
                        + "|"
                        + filters.hashCode();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token, String filters) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 4
                    || !parts[0].equals("v1")
                    || Integer.parseInt(parts[3]) != filters.hashCode()) {
                throw invalid();
            }
            Instant t = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
            return new PageToken(t, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    private static StoryException invalid() {
        return StoryException.Invalid.of(
                "pageToken", "is not a token this list returned (filters changed?)");
    }
}
