package dev.newsroom.article.domain;

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

    private HtmlPolicy() {}

    public static String sanitize(String html) {
        if (html.isEmpty()) {
            return html;
        }
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }
}
