package dev.newsroom.article;

import io.micronaut.runtime.Micronaut;

/** article-service: stories, their life cycle, revisions, sections and the change feed. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
