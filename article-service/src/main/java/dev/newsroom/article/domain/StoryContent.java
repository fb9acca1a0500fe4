package dev.newsroom.article.domain;

import java.util.List;

/** The fields an editor writes. */
public record StoryContent(
        String language,
        String section,
        List<String> tags,
        String headline,
        String lead,
        String body,
        String author) {

    public StoryContent {
        tags = List.copyOf(tags);
    }
}
