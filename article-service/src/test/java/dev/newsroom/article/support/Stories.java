package dev.newsroom.article.support;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleFeedGrpc;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.testing.TestIdentity;
import io.grpc.ManagedChannel;

/** Story fixtures written through the public contract. */
public final class Stories {
    private Stories() {}

    public static ArticleServiceGrpc.ArticleServiceBlockingStub editor(ManagedChannel ch) {
        return ArticleServiceGrpc.newBlockingStub(ch)
                .withInterceptors(RunningArticleService.as("editor-1", "editor"));
    }

    /** A feed consumer with a service's own identity, as search-service watches. */
    public static ArticleFeedGrpc.ArticleFeedBlockingStub feed(ManagedChannel ch) {
        return ArticleFeedGrpc.newBlockingStub(ch)
                .withInterceptors(TestIdentity.service("search-service", "article-service"));
    }

    public static ArticleServiceGrpc.ArticleServiceBlockingStub reader(ManagedChannel ch) {
        return ArticleServiceGrpc.newBlockingStub(ch);
    }

    public static Article draft(String headline) {
        return Article.newBuilder()
                .setLanguage("en")
                .setSection("world")
                .addTags("test")
                .setHeadline(headline)
                .setLead("A lead for " + headline)
                .setBody("<p>Body of " + headline + "</p>")
                .setAuthor("Desk")
                .build();
    }

    public static Article create(
            ArticleServiceGrpc.ArticleServiceBlockingStub editor, String headline) {
        return editor.createArticle(
                CreateArticleRequest.newBuilder().setArticle(draft(headline)).build());
    }

    public static Article createPublished(
            ArticleServiceGrpc.ArticleServiceBlockingStub editor, String headline) {
        Article a = create(editor, headline);
        return editor.publishArticle(PublishArticleRequest.newBuilder().setId(a.getId()).build());
    }
}
