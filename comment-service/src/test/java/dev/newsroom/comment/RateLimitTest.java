package dev.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.RetryInfo;
import dev.newsroom.comment.support.CommentServiceTest;
import dev.newsroom.readpath.ReadPathKeys;
import dev.newsroom.testing.TestRedis;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** A flood from one client is cut off after its burst; others keep posting (the real Redis). */
class RateLimitTest extends CommentServiceTest {

    @Test
    void aFloodOfFiftyPostsGets429AfterTheLimitAndOtherClientsAreUnaffected() throws Exception {
        long story = articles.published("Flooded");
        var flooder = service.reader("flooder");
        int accepted = 0;
        StatusRuntimeException firstRefusal = null;
        for (int i = 0; i < 50; i++) {
            try {
                flooder.createComment(comment(story, "Flood " + i).build());
                accepted++;
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                if (firstRefusal == null) {
                    firstRefusal = e;
                }
            }
        }
        // burst 5, refilled at 5 a minute: the loop takes well under 12 s, so at most one refill
        assertThat(accepted).isBetween(5, 6);
        RetryInfo retry =
                StatusProto.fromThrowable(firstRefusal).getDetailsList().stream()
                        .filter(d -> d.is(RetryInfo.class))
                        .findFirst()
                        .orElseThrow()
                        .unpack(RetryInfo.class);
        assertThat(retry.getRetryDelay().getSeconds()).isBetween(0L, 12L);

        assertThat(
                        service.reader("bystander")
                                .createComment(comment(story, "I am fine").build())
                                .getId())
                .isPositive();
    }

    @Test
    void bucketsLiveInRedisSoAnotherReplicaSeesTheSameCount() {
        long story = articles.published("Shared limits");
        var first = service.reader("replica-client");
        for (int i = 0; i < 5; i++) {
            first.createComment(comment(story, "Post " + i).build());
        }
        try (RedisClient redis = RedisClient.create(URI.create(TestRedis.url()))) {
            assertThat(
                            redis.exists(
                                    ReadPathKeys.commentRateOfClient(
                                            service.fingerprint("replica-client"))))
                    .isTrue();
        }
        assertStatus(
                () -> first.createComment(comment(story, "One more").build()),
                Status.Code.RESOURCE_EXHAUSTED);
    }
}
