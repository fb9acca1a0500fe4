package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.proto.comment.v1.Comment;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Nothing acknowledged is lost or doubled, against the real PostgreSQL. */
class ConcurrentPostsTest extends CommentServiceTest {

    @Test
    void everyAcknowledgedCommentOfTwoHundredConcurrentPostsIsStoredExactlyOnce() throws Exception {
        long story = articles.published("Busy story");
        int posts = 200;
        ConcurrentLinkedQueue<Comment> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<StatusRuntimeException> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            int n = i;
            done.add(
                    pool.submit(
                            () -> {
                                start.await();
                                try {
                                    acknowledged.add(
                                            service.reader("crowd-" + n)
                                                    .createComment(
                                                            comment(story, "Comment number " + n)
                                                                    .build()));
                                } catch (StatusRuntimeException e) {
                                    refused.add(e);
                                }
                                return null;
                            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(refused).as("refusals").isEmpty();
        assertThat(acknowledged).hasSize(posts);
        Map<Long, Integer> stored = new HashMap<>();
        Map<String, Integer> bodies = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT id, body FROM comment WHERE article_id = "
                                                + story)) {
            while (rs.next()) {
                stored.merge(rs.getLong(1), 1, Integer::sum);
                bodies.merge(rs.getString(2), 1, Integer::sum);
            }
        }
        for (Comment ack : acknowledged) {
            assertThat(stored.get(ack.getId())).as("comment " + ack.getId()).isEqualTo(1);
            assertThat(bodies.get(ack.getBody())).as(ack.getBody()).isEqualTo(1);
        }
        assertThat(stored).hasSize(posts);
    }
}
