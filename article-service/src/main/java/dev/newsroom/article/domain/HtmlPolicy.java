package dev.newsroom.article.domain;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Story bodies are HTML, sanitised on write: structure, emphasis, links, images, tables and
 * quotes stay; scripts, styles, event handlers and non-http(s)/mailto links go.
 */
public final class HtmlPolicy {
    private static final Safelist SAFELIST =
            Safelist.relaxed()
                    .addTags("figure", "figcaption", "hr", "s", "mark", "abbr", "time")
                    .addAttributes(":all", "dir", "lang")
                    .addAttributes("abbr", "title")
                    .addAttributes("time", "datetime")
                    .addAttributes("blockquote", "cite")
                    .preserveRelativeLinks(false);

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings()
                    .prettyPrint(false)
                    .charset("UTF-8")
                    .escapeMode(Entities.EscapeMode.base);

    /**
     * Deepest element nesting a body may have. Parsing and cleaning grow faster than linearly with
     * depth (20,000 nested tags cost most of a second), and no story nests more than a few dozen.
     */
    static final int MAX_DEPTH = 512;

    /** Elements that have no end tag: they never deepen the nesting. */
    private static final Set<String> VOID =
            Set.of(
                    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr");

    private HtmlPolicy() {}

    /**
     * @throws StoryException.Invalid for a body nested deeper than {@link #MAX_DEPTH} (checked
     *     in one pass before any parsing)
     */
    public static String sanitize(String html) {
        if (html.isEmpty()) {
            return html;
        }
        if (depth(html) > MAX_DEPTH) {
            throw StoryException.Invalid.of(
                    "body", "must not nest elements more than " + MAX_DEPTH + " deep");
        }
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /**
     * The deepest nesting of start tags not yet closed, counted in one linear scan (an estimate
     * that never undercounts well-formed markup: unclosed paragraphs count as open).
     */
    static int depth(String html) {
        int depth = 0;
        int deepest = 0;
        int n = html.length();
        for (int i = 0; i < n; i++) {
            if (html.charAt(i) != '<' || i + 1 >= n) {
                continue;
            }
            boolean closing = html.charAt(i + 1) == '/';
            int start = closing ? i + 2 : i + 1;
            int end = start;
            while (end < n && end - start < 16 && Character.isLetterOrDigit(html.charAt(end))) {
                end++;
            }
            if (end == start || !Character.isLetter(html.charAt(start))) {
                continue;
            }
            String name = html.substring(start, end).toLowerCase(Locale.ROOT);
            if (VOID.contains(name)) {
                continue;
            }
            if (closing) {
                depth = Math.max(0, depth - 1);
            } else {
                depth++;
                deepest = Math.max(deepest, depth);
            }
            i = end - 1;
        }
        return deepest;
    }
}
