package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.CommentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursor: the id of the last comment served (ids grow with time, so "oldest first" is
 * "by id") plus a fingerprint of the list it belongs to. Stable under inserts.
 */
final class PageToken {
    private PageToken() {}

    static String encode(long lastId, String list) {
        String raw = "v1|" + lastId + "|" + list.hashCode();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last id served, 0 for the first page. */
    static long decode(String token, String list) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                            .split("\\|", -1);
            if (parts.length != 3
                    || !parts[0].equals("v1")
                    || Integer.parseInt(parts[2]) != list.hashCode()) {
                throw invalid();
            }
            return Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static CommentException invalid() {
        return CommentException.Invalid.of("pageToken", "is not a token this list returned");
    }
}
