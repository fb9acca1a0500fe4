package dev.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.article.support.ArticleServiceTest;
import dev.newsroom.article.support.Stories;
import dev.newsroom.identity.CallTokens;
import dev.newsroom.proto.article.v1.ArticleFeedGrpc;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.ListArticlesRequest;
import dev.newsroom.proto.article.v1.WatchRequest;
import dev.newsroom.testing.TestIdentity;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Identity straight at article-service's gRPC port: only a call token signed with the internal
 * key for this service counts (docs/security.md, "Identity between services").
 */
class CallIdentityTest extends ArticleServiceTest {

    /** What any caller could send before the call tokens: the gateway's old identity headers. */
    static ClientInterceptor forged(String roles) {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER), "mallory");
        md.put(Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER), roles);
        md.put(
                Metadata.Key.of("x-newsroom-client", Metadata.ASCII_STRING_MARSHALLER),
                "someone-else");
        return MetadataUtils.newAttachHeadersInterceptor(md);
    }

    private static ArticleServiceGrpc.ArticleServiceBlockingStub articles(
            ClientInterceptor identity) {
        return ArticleServiceGrpc.newBlockingStub(service.channel())
                .withInterceptors(identity)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Status.Code watchAs(ClientInterceptor... identity) {
        try {
            ArticleFeedGrpc.newBlockingStub(service.channel())
                    .withInterceptors(identity)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .watch(WatchRequest.newBuilder().setAfterSequence(0).build())
                    .hasNext();
            return Status.Code.OK;
        } catch (io.grpc.StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void forgedIdentityHeadersMakeAnAnonymousCaller() {
        Stories.create(editor, "A draft nobody outside may see");
        assertThatThrownBy(
                        () ->
                                articles(forged("editor,admin"))
                                        .createArticle(
                                                CreateArticleRequest.newBuilder()
                                                        .setArticle(Stories.draft("Forged"))
                                                        .build()))
                .satisfies(
                        e ->
                                assertThat(Status.fromThrowable(e).getCode())
                                        .isEqualTo(Status.Code.UNAUTHENTICATED));
        // a public read still works, as a reader's: no drafts in it
        assertThat(
                        articles(forged("editor,admin"))
                                .listArticles(ListArticlesRequest.getDefaultInstance())
                                .getArticlesList())
                .allSatisfy(
                        a ->
                                assertThat(a.getStatus())
                                        .isEqualTo(
                                                dev.newsroom.proto.article.v1.Article.Status
                                                        .PUBLISHED));
    }

    @Test
    void aValidTokenWorksAnExpiredOrForeignOneIsAnonymous() {
        CreateArticleRequest create =
                CreateArticleRequest.newBuilder().setArticle(Stories.draft("Signed")).build();
        assertThat(
                        articles(TestIdentity.as("article-service", "ed-7", "editor", "test"))
                                .createArticle(create)
                                .getId())
                .isPositive();

        CallTokens earlier =
                new CallTokens(
                        TestIdentity.KEY.getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(Instant.now().minusSeconds(120), ZoneOffset.UTC));
        String expired =
                earlier.sign(
                        "gateway",
                        "article-service",
                        "ed-7",
                        List.of("editor"),
                        "test",
                        Duration.ofSeconds(60));
        String wrongAudience =
                TestIdentity.tokens()
                        .sign(
                                "gateway",
                                "comment-service",
                                "ed-7",
                                List.of("editor"),
                                "test",
                                Duration.ofSeconds(30));
        String otherKey =
                new CallTokens(
                                "some-other-key-that-is-long-enough-0123456"
                                        .getBytes(StandardCharsets.UTF_8))
                        .sign(
                                "gateway",
                                "article-service",
                                "ed-7",
                                List.of("admin"),
                                "test",
                                Duration.ofSeconds(30));
        for (String token : List.of(expired, wrongAudience, otherKey)) {
            assertThatThrownBy(() -> articles(TestIdentity.withToken(token)).createArticle(create))
                    .satisfies(
                            e ->
                                    assertThat(Status.fromThrowable(e).getCode())
                                            .isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    @Test
    void onlyAServicesOwnIdentityMayWatchTheFeed() {
        Stories.create(editor, "An event for the feed");
        assertThat(watchAs()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(watchAs(forged("service,admin"))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(watchAs(TestIdentity.as("article-service", "root", "admin", "test")))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(watchAs(TestIdentity.service("search-service", "comment-service")))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(watchAs(TestIdentity.service("search-service", "article-service")))
                .isEqualTo(Status.Code.OK);
    }
}
