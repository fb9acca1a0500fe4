package dev.newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;

/**
 * Cursor paging: the sort values of the last hit of a page (score or publish time, then
 * the News ID, which makes every position unique). Opaque to clients.
 */
record PageToken(boolean byDate, Object primary, long id) {

    static PageToken after(boolean byDate, FieldDoc last) {
        return new PageToken(byDate, last.fields[0], (Long) last.fields[1]);
    }

    FieldDoc fieldDoc() {
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {primary, id});
    }

    String encode() {
        String text =
                (byDate ? "d:" : "r:")
                        + (byDate
                                ? Long.toString((Long) primary)
                                : Integer.toString(Float.floatToIntBits((Float) primary)))
                        + ":"
                        + id;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode()} for this sort */
    static PageToken decode(String token, boolean byDate) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                            .split(":");
            if (parts.length != 3 || !parts[0].equals(byDate ? "d" : "r")) {
                throw new IllegalArgumentException("not a page token of this sort");
            }
            Object primary =
                    byDate
                            ? (Object) Long.parseLong(parts[1])
                            : (Object) Float.intBitsToFloat(Integer.parseInt(parts[1]));
            return new PageToken(byDate, primary, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "pageToken is not a token from an earlier page of this search", e);
        }
    }
}
