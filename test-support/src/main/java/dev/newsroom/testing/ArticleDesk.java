package dev.newsroom.testing;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** An editor at article-service's gRPC API, with a call token signed as the gateway signs it ({@link TestIdentity}). */
public final class ArticleDesk implements AutoCloseable {

    private final ManagedChannel channel;
    private final ArticleServiceGrpc.ArticleServiceBlockingStub articles;

    public ArticleDesk(String address, String editor) {
        channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        articles =
                ArticleServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(
                                TestIdentity.as(
                                        "article-service", editor, "editor", "test:" + editor));
    }

    /** A new draft (not visible to readers), in English in "world". */
    public long draft(String headline) {
        return stub().createArticle(
                        CreateArticleRequest.newBuilder()
                                .setArticle(
                                        Article.newBuilder()
                                                .setLanguage("en")
                                                .setSection("world")
                                                .setHeadline(headline)
                                                .setLead("Lead of " + headline)
                                                .setBody("<p>" + headline + "</p>")
                                                .setAuthor("Desk"))
                                .build())
                .getId();
    }

    /** A new published story, in English in "world". */
    public long published(String headline) {
        long id = draft(headline);
        stub().publishArticle(PublishArticleRequest.newBuilder().setId(id).build());
        return id;
    }

    public Article publish(String language, String section, String headline, String body) {
        Article draft =
                stub().createArticle(
                                CreateArticleRequest.newBuilder()
                                        .setArticle(
                                                Article.newBuilder()
                                                        .setLanguage(language)
                                                        .setSection(section)
                                                        .setHeadline(headline)
                                                        .setLead("")
                                                        .setBody(body)
                                                        .setAuthor("Desk"))
                                        .build());
        return stub().publishArticle(
                        PublishArticleRequest.newBuilder().setId(draft.getId()).build());
    }

    public Article withdraw(long id) {
        return stub().withdrawArticle(WithdrawArticleRequest.newBuilder().setId(id).build());
    }

    /** The editor's stub, with a 10 s deadline from now. */
    public ArticleServiceGrpc.ArticleServiceBlockingStub stub() {
        return articles.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
