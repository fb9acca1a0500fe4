package dev.newsroom.search.support;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;

/** An editor at article-service's gRPC API, with the identity metadata the gateway forwards. */
public final class Desk implements AutoCloseable {
    private final ManagedChannel channel;
    private final ArticleServiceGrpc.ArticleServiceBlockingStub articles;

    public Desk(String address) {
        channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER), "search-test-editor");
        md.put(Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER), "editor");
        articles = ArticleServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    public Article publish(String language, String section, String headline, String body) {
        ArticleServiceGrpc.ArticleServiceBlockingStub stub = articles.withDeadlineAfter(10, TimeUnit.SECONDS);
        Article draft = stub.createArticle(CreateArticleRequest.newBuilder().setArticle(Article.newBuilder()
                .setLanguage(language).setSection(section).setHeadline(headline).setLead("").setBody(body).setAuthor("Desk")).build());
        return stub.publishArticle(PublishArticleRequest.newBuilder().setId(draft.getId()).build());
    }

    public Article withdraw(long id) {
        return articles.withDeadlineAfter(10, TimeUnit.SECONDS).withdrawArticle(WithdrawArticleRequest.newBuilder().setId(id).build());
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
