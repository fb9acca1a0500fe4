package dev.newsroom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.rpc.BadRequest;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleProto;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.CommentProto;
import dev.newsroom.proto.comment.v1.CommentServiceGrpc;
import dev.newsroom.proto.comment.v1.CountCommentsRequest;
import dev.newsroom.proto.comment.v1.CreateCommentRequest;
import dev.newsroom.proto.search.v1.SearchProto;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BudgetsTest {

    @Test
    void everyStringAndRepeatedFieldOfEveryRequestDeclaresItsBudget() {
        List<String> missing = new ArrayList<>();
        Set<Descriptor> seen = new HashSet<>();
        for (FileDescriptor file :
                List.of(
                        ArticleProto.getDescriptor(),
                        CommentProto.getDescriptor(),
                        SearchProto.getDescriptor())) {
            for (ServiceDescriptor service : file.getServices()) {
                for (MethodDescriptor method : service.getMethods()) {
                    collectUnbudgeted(method.getInputType(), seen, missing);
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(15);
        assertThat(missing).as("fields without (newsroom.common.v1.limits)").isEmpty();
    }

    private static void collectUnbudgeted(
            Descriptor type, Set<Descriptor> seen, List<String> missing) {
        if (type.getFullName().startsWith("google.protobuf.") || !seen.add(type)) {
            return;
        }
        for (FieldDescriptor field : type.getFields()) {
            var limits = Budgets.limits(field);
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING
                    && limits.getMaxLength() == 0) {
                missing.add(field.getFullName() + " (max_length)");
            }
            if (field.isRepeated() && limits.getMaxItems() == 0) {
                missing.add(field.getFullName() + " (max_items)");
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                collectUnbudgeted(field.getMessageType(), seen, missing);
            }
        }
    }

    @Test
    void stringsAreCountedInCharactersAsTheColumnsCountThem() {
        String emoji = "😀".repeat(254); // 508 UTF-16 units, 254 characters: fits VARCHAR(254)
        assertThat(
                        Budgets.firstViolation(
                                CreateCommentRequest.newBuilder().setEmail(emoji).build()))
                .isNull();
        GrpcCalls.Violation v =
                Budgets.firstViolation(
                        CreateCommentRequest.newBuilder().setEmail(emoji + "x").build());
        assertThat(v).isEqualTo(new GrpcCalls.Violation("email", "must be at most 254 characters"));
    }

    @Test
    void nestedFieldsAndRepeatedFieldsAreNamedByTheirJsonPath() {
        Article.Builder article = Article.newBuilder().setHeadline("ok");
        for (int i = 0; i < 101; i++) {
            article.addTags("t" + i);
        }
        assertThat(
                        Budgets.firstViolation(
                                CreateArticleRequest.newBuilder().setArticle(article).build()))
                .isEqualTo(new GrpcCalls.Violation("article.tags", "must have at most 100 items"));
        Article longTag = Article.newBuilder().addTags("x".repeat(201)).build();
        assertThat(
                        Budgets.firstViolation(
                                CreateArticleRequest.newBuilder().setArticle(longTag).build()))
                .isEqualTo(
                        new GrpcCalls.Violation("article.tags", "must be at most 200 characters"));
        CountCommentsRequest.Builder counts = CountCommentsRequest.newBuilder();
        for (long i = 0; i < 101; i++) {
            counts.addArticleIds(i);
        }
        assertThat(Budgets.firstViolation(counts.build()).field()).isEqualTo("articleIds");
    }

    @Test
    void anOverBudgetCallIsRefusedWhereItEntersAndTheServiceNeverSeesIt() throws Exception {
        AtomicInteger served = new AtomicInteger();
        var impl =
                new CommentServiceGrpc.CommentServiceImplBase() {
                    @Override
                    public void createComment(
                            CreateCommentRequest request, StreamObserver<Comment> out) {
                        served.incrementAndGet();
                        out.onNext(Comment.newBuilder().setBody(request.getBody()).build());
                        out.onCompleted();
                    }
                };
        Server server =
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .addService(ServerInterceptors.intercept(impl, new BudgetInterceptor()))
                        .build()
                        .start();
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                        .usePlaintext()
                        .build();
        try {
            var stub =
                    CommentServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS);
            // a call within the budget first: it is served (and the connection is up before the
            // timing)
            assertThat(
                            stub.createComment(
                                            CreateCommentRequest.newBuilder()
                                                    .setBody("fits")
                                                    .build())
                                    .getBody())
                    .isEqualTo("fits");
            assertThat(served).hasValue(1);
            String huge = "a" + " ".repeat(900_000) + "a";
            long start = System.nanoTime();
            assertThatThrownBy(
                            () ->
                                    stub.createComment(
                                            CreateCommentRequest.newBuilder()
                                                    .setBody(huge)
                                                    .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> {
                                assertThat(e.getStatus().getCode())
                                        .isEqualTo(Status.Code.INVALID_ARGUMENT);
                                assertThat(e.getStatus().getDescription())
                                        .isEqualTo("body must be at most 4000 characters");
                                BadRequest details = badRequest(e);
                                assertThat(details.getFieldViolations(0).getField())
                                        .isEqualTo("body");
                            });
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("ms, 900 KB sent included")
                    .isLessThan(1_000);
            assertThat(served).as("the service never saw it").hasValue(1);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static BadRequest badRequest(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
            throw new AssertionError(x);
        }
    }
}
