package dev.newsroom.article;

import static dev.newsroom.article.support.Stories.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.article.support.ArticleServiceTest;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.WatchRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import io.grpc.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** ArticleFeed.Watch: backlog, then tail, in order, resumable from any cursor. */
class ArticleFeedTest extends ArticleServiceTest {

    @Test
    void consumerThatReconnectsMidStreamGetsEveryChangeInOrder() throws Exception {
        for (int i = 0; i < 10; i++) {
            Article a = create(editor, "Feed story " + i);
            editor.publishArticle(PublishArticleRequest.newBuilder().setId(a.getId()).build());
        }
        // first connection: read part of the backlog, then go away
        List<ArticleEvent> received = new ArrayList<>();
        Context.CancellableContext first = Context.current().withCancellation();
        first.run(
                () -> {
                    Iterator<ArticleEvent> it =
                            Stories.feed(service.channel())
                                    .watch(WatchRequest.newBuilder().setAfterSequence(0).build());
                    for (int i = 0; i < 7; i++) {
                        received.add(it.next());
                    }
                });
        first.cancel(null);

        // changes while the consumer is away, and while it catches up
        Thread writer =
                new Thread(
                        () -> {
                            for (int i = 0; i < 5; i++) {
                                Article a = create(editor, "Written during reconnect " + i);
                                editor.withdrawArticle(
                                        WithdrawArticleRequest.newBuilder()
                                                .setId(a.getId())
                                                .build());
                            }
                        });
        writer.start();

        long cursor = received.get(received.size() - 1).getSequence();
        List<ArticleEvent> resumed = new CopyOnWriteArrayList<>();
        Context.CancellableContext second = Context.current().withCancellation();
        Thread reader =
                new Thread(
                        () ->
                                second.run(
                                        () -> {
                                            try {
                                                Stories.feed(service.channel())
                                                        .watch(
                                                                WatchRequest.newBuilder()
                                                                        .setAfterSequence(cursor)
                                                                        .build())
                                                        .forEachRemaining(resumed::add);
                                            } catch (
                                                    io.grpc.StatusRuntimeException
                                                            cancelledByTheTest) {
                                                // the test hangs up once it has what it waited for
                                            }
                                        }));
        reader.start();
        writer.join();
        long expectedTotal = 10 * 2 + 5 * 2;
        await().atMost(Duration.ofSeconds(15))
                .until(() -> cursor + resumed.size() >= expectedTotal);
        second.cancel(null);

        received.addAll(resumed);
        assertThat(received)
                .extracting(ArticleEvent::getSequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, expectedTotal).boxed().toList());
        assertThat(received.get(0).getType()).isEqualTo(ArticleEvent.Type.CREATED);
        assertThat(received.get(1).getType()).isEqualTo(ArticleEvent.Type.PUBLISHED);
        assertThat(received.get(1).getArticle().getStatus()).isEqualTo(Article.Status.PUBLISHED);
        assertThat(received.get(received.size() - 1).getType())
                .isEqualTo(ArticleEvent.Type.WITHDRAWN);
        assertThat(received.get(1).getArticle().getBody()).startsWith("<p>Body of Feed story 0");
    }
}
