package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.comment.domain.Comment;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import dev.newsroom.comment.domain.ModerationMode;
import dev.newsroom.comment.store.CommentStore;
import dev.newsroom.comment.store.HistoryStore;
import dev.newsroom.comment.store.SettingsStore;
import dev.newsroom.comment.support.RunningCommentService;
import dev.newsroom.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default that {@code ./newsroom up} runs on: the migrations and every store's
 * statements on an H2 file in PostgreSQL mode (the same URL options as application.yml).
 * The stores are called directly, so no article-service is needed; the other tests cover
 * PostgreSQL through the public contract.
 */
class EmbeddedDatabaseTest {

    @Test
    void commentsHistoryAndSettingsRoundTripOnTheEmbeddedH2Database(@TempDir Path dir)
            throws Exception {
        String url =
                "jdbc:h2:file:"
                        + dir.resolve("comments").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (RunningCommentService service =
                new RunningCommentService(
                        new TestPostgres.Schema(url, "sa", "", "public"),
                        "127.0.0.1:1",
                        Map.of())) {
            ApplicationContext ctx = service.context();
            CommentStore comments = ctx.getBean(CommentStore.class);
            HistoryStore history = ctx.getBean(HistoryStore.class);
            SettingsStore settings = ctx.getBean(SettingsStore.class);
            TransactionOperations<Connection> tx =
                    ctx.getBean(Argument.of(TransactionOperations.class, Connection.class));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long story = 100_001;

            Comment[] posted =
                    tx.executeWrite(
                            s -> {
                                long topId = comments.nextId();
                                Comment top =
                                        new Comment(
                                                topId,
                                                story,
                                                0,
                                                topId,
                                                0,
                                                "Sara",
                                                "",
                                                "First!",
                                                CommentStatus.PENDING,
                                                now,
                                                "fp-1");
                                comments.insert(top, "key-1");
                                long replyId = comments.nextId();
                                Comment reply =
                                        new Comment(
                                                replyId,
                                                story,
                                                topId,
                                                topId,
                                                1,
                                                "Reza",
                                                "reza@example.org",
                                                "A reply",
                                                CommentStatus.PENDING,
                                                now,
                                                "fp-2");
                                comments.insert(reply, "key-2");
                                for (Comment c : List.of(top, reply)) {
                                    history.append(
                                            new ModerationEvent(
                                                    c.id(),
                                                    "posted",
                                                    ModerationEvent.PIPELINE,
                                                    "held",
                                                    CommentStatus.PENDING,
                                                    now));
                                }
                                return new Comment[] {top, reply};
                            });
            Comment top = posted[0];
            Comment reply = posted[1];
            assertThat(read(tx, () -> comments.find(reply.id()))).contains(reply);
            assertThat(read(tx, () -> comments.withStatus(CommentStatus.PENDING, story, 0, 10)))
                    .containsExactly(top, reply);
            assertThat(read(tx, () -> comments.withStatus(CommentStatus.PENDING, 0, top.id(), 10)))
                    .containsExactly(reply);

            tx.executeWrite(
                    s -> {
                        for (Comment c : List.of(top, reply)) {
                            assertThat(comments.findForUpdate(c.id())).contains(c);
                            comments.setStatus(c.id(), CommentStatus.APPROVED);
                            history.append(
                                    new ModerationEvent(
                                            c.id(),
                                            "approve",
                                            "mod-1",
                                            "fine",
                                            CommentStatus.APPROVED,
                                            now));
                        }
                        return null;
                    });
            assertThat(read(tx, () -> comments.approvedTopLevel(story, 0, 10)))
                    .containsExactly(top.withStatus(CommentStatus.APPROVED));
            assertThat(read(tx, () -> comments.approvedReplies(List.of(top.id()), 5)))
                    .containsExactly(reply.withStatus(CommentStatus.APPROVED));
            assertThat(read(tx, () -> comments.approvedReplies(List.of(top.id()), 0))).isEmpty();
            assertThat(read(tx, () -> comments.approvedRepliesAfter(top.id(), 0, 5)))
                    .containsExactly(reply.withStatus(CommentStatus.APPROVED));
            assertThat(read(tx, () -> comments.approvedRepliesAfter(top.id(), reply.id(), 5)))
                    .isEmpty();
            assertThat(read(tx, () -> comments.approvedCounts(List.of(story, 42L))))
                    .containsExactly(Map.entry(story, 2L), Map.entry(42L, 0L));
            assertThat(read(tx, () -> comments.postedSince("fp-1", "key-1", now.minusSeconds(1))))
                    .isTrue();
            assertThat(read(tx, () -> comments.postedSince("fp-1", "key-1", now))).isFalse();
            assertThat(read(tx, () -> history.of(List.of(top.id(), reply.id()))).get(reply.id()))
                    .extracting(ModerationEvent::action)
                    .containsExactly("posted", "approve");

            CommentSettings closed = new CommentSettings(story, false, ModerationMode.POST);
            assertThat(read(tx, () -> settings.find(story))).isEmpty();
            assertThat(write(tx, () -> settings.update(closed, "mod-1", now))).isFalse();
            tx.executeWrite(
                    s -> {
                        settings.insert(closed, "mod-1", now);
                        return null;
                    });
            assertThat(read(tx, () -> settings.find(story))).contains(closed);
            CommentSettings reopened = new CommentSettings(story, true, ModerationMode.PRE);
            assertThat(write(tx, () -> settings.update(reopened, "mod-2", now))).isTrue();
            assertThat(read(tx, () -> settings.find(story))).contains(reopened);
        }
    }

    private static <T> T read(TransactionOperations<Connection> tx, Supplier<T> query) {
        return tx.executeRead(status -> query.get());
    }

    private static <T> T write(TransactionOperations<Connection> tx, Supplier<T> change) {
        return tx.executeWrite(status -> change.get());
    }
}
