package dev.newsroom.comment.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache and outage rules of the article check, over a real gRPC channel to a stand-in
 * ArticleService that can be switched off (the integration tests use the real one).
 */
class ArticleDirectoryTest {
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        server =
                InProcessServerBuilder.forName(name)
                        .directExecutor()
                        .addService(
                                new ArticleServiceGrpc.ArticleServiceImplBase() {
                                    @Override
                                    public void getArticle(
                                            GetArticleRequest r, StreamObserver<Article> out) {
                                        calls.incrementAndGet();
                                        if (down.get()) {
                                            out.onError(Status.UNAVAILABLE.asRuntimeException());
                                        } else if (r.getId() == 1) {
                                            out.onNext(
                                                    Article.newBuilder()
                                                            .setId(1)
                                                            .setSection("world")
                                                            .setStatus(Article.Status.PUBLISHED)
                                                            .build());
                                            out.onCompleted();
                                        } else {
                                            out.onError(Status.NOT_FOUND.asRuntimeException());
                                        }
                                    }
                                })
                        .build()
                        .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    private ArticleDirectory directory(Duration ttl) {
        StoriesConfig config =
                new StoriesConfig(Duration.ofMillis(800), ttl, ttl, Duration.ofHours(1), 1000);
        return new ArticleDirectory(ArticleServiceGrpc.newBlockingStub(channel), config);
    }

    @Test
    void publishedAndMissingStoriesAreCachedBriefly() {
        ArticleDirectory directory = directory(Duration.ofMinutes(1));
        assertThat(directory.publishedSection(1)).contains("world");
        assertThat(directory.publishedSection(1)).contains("world");
        assertThat(directory.publishedSection(2)).isEmpty();
        assertThat(directory.publishedSection(2)).isEmpty();
        assertThat(calls).hasValue(2);
    }

    @Test
    void aStorySeenPublishedStillTakesCommentsWhileArticleServiceIsDown() {
        ArticleDirectory directory = directory(Duration.ZERO);
        assertThat(directory.publishedSection(1)).contains("world");
        down.set(true);
        assertThat(directory.publishedSection(1)).contains("world");
        assertThatThrownBy(() -> directory.publishedSection(3))
                .isInstanceOf(CommentException.Unavailable.class);
    }
}
