package dev.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.article.support.RunningArticleService;
import dev.newsroom.article.support.Stories;
import dev.newsroom.proto.article.v1.ListSectionsRequest;
import dev.newsroom.proto.article.v1.Section;
import dev.newsroom.testing.TestPostgres;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What operators and other services rely on: health, reflection, metrics, sections. */
class OperationsTest {

    @Test
    void healthReflectionMetricsAndSectionsAnswer() throws Exception {
        TestPostgres.Schema db = TestPostgres.freshSchema();
        try (RunningArticleService service = new RunningArticleService(db)) {
            HealthCheckResponse health =
                    HealthGrpc.newBlockingStub(service.channel())
                            .check(HealthCheckRequest.newBuilder().build());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

            CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> req =
                    ServerReflectionGrpc.newStub(service.channel())
                            .serverReflectionInfo(
                                    new StreamObserver<>() {
                                        public void onNext(ServerReflectionResponse r) {
                                            listed.complete(r);
                                        }

                                        public void onError(Throwable t) {
                                            listed.completeExceptionally(t);
                                        }

                                        public void onCompleted() {}
                                    });
            req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            req.onCompleted();
            assertThat(listed.get(5, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
                    .extracting(s -> s.getName())
                    .contains(
                            "newsroom.article.v1.ArticleService",
                            "newsroom.article.v1.ArticleFeed",
                            "grpc.health.v1.Health");

            assertThat(
                            Stories.reader(service.channel())
                                    .listSections(ListSectionsRequest.getDefaultInstance())
                                    .getSectionsList())
                    .extracting(Section::getId)
                    .startsWith("iran", "world")
                    .contains("economy", "sport");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + service.httpPort();
            HttpResponse<String> live = get(http, base + "/healthz");
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            HttpResponse<String> ready = get(http, base + "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"database\":\"UP\"");
            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("grpc_server_processing_duration_seconds");
            // the one ListSections call above is counted once (two interceptors once counted every
            // call twice)
            assertThat(
                            metrics.body()
                                    .lines()
                                    .filter(
                                            l ->
                                                    l.startsWith(
                                                                    "grpc_server_processing_duration_seconds_count")
                                                            && l.contains(
                                                                    "method=\"ListSections\""))
                                    .map(
                                            l ->
                                                    Double.parseDouble(
                                                            l.substring(l.lastIndexOf(' ') + 1)))
                                    .toList())
                    .containsExactly(1.0);
        } finally {
            db.drop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
