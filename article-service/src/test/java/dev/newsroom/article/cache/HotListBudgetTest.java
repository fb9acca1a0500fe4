package dev.newsroom.article.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.GetHotStoriesRequest;
import dev.newsroom.testing.TestPostgres;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot list under made-up sections: each is refused naming the field, and nothing is
 * remembered for it (the heap stays where it was), however many distinct ones come.
 */
class HotListBudgetTest {
    private static TestPostgres.Schema db;
    private static RunningArticleService service;
    private static ArticleServiceBlockingStub reader;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshSchema();
        service = new RunningArticleService(db, Map.of());
        reader = Stories.reader(service.channel());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    @Test
    void tenThousandUnknownSectionsAreRefusedAndLeaveTheHeapAsItWas() {
        HotRanking ranking = service.context().getBean(HotRanking.class);
        for (int i = 0; i < 200; i++) { // warm up: classes, pools, the section list
            refused(GetHotStoriesRequest.newBuilder().setSection("warm-" + i).build(), "section");
        }
        reader.getHotStories(GetHotStoriesRequest.newBuilder().setSection("world").build());
        long before = liveHeap();
        for (int i = 0; i < 10_000; i++) {
            // 40 characters each: within the field's budget, so the section check itself answers
            refused(
                    GetHotStoriesRequest.newBuilder()
                            .setSection(String.format("unknown-section-%024d", i))
                            .build(),
                    "section");
        }
        long after = liveHeap();
        System.out.printf(
                "hot list, 10,000 unknown sections: live heap %d -> %d bytes%n", before, after);
        assertThat(ranking.lastKnownLists()).as("lists remembered").isLessThanOrEqualTo(1);
        assertThat(after - before).as("live heap growth in bytes").isLessThan(5L * 1024 * 1024);
    }

    @Test
    void anOverlongSectionOrAnUnknownWindowIsRefusedNamingTheField() {
        refused(GetHotStoriesRequest.newBuilder().setSection("x".repeat(3000)).build(), "section");
        refused(GetHotStoriesRequest.newBuilder().setWindow("2h").build(), "window");
        assertThat(
                        reader.getHotStories(
                                        GetHotStoriesRequest.newBuilder()
                                                .setSection("world")
                                                .setWindow("7d")
                                                .build())
                                .getSection())
                .isEqualTo("world");
    }

    private static void refused(GetHotStoriesRequest request, String field) {
        assertThatThrownBy(() -> reader.getHotStories(request))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
                            try {
                                BadRequest details =
                                        StatusProto.fromThrowable(e)
                                                .getDetails(0)
                                                .unpack(BadRequest.class);
                                assertThat(details.getFieldViolations(0).getField())
                                        .isEqualTo(field);
                            } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                                throw new AssertionError(x);
                            }
                        });
    }

    /** Heap in use after full collections: the lowest of a few readings. */
    private static long liveHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least =
                    Math.min(
                            least,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
