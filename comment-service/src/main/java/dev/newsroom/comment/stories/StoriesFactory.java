package dev.newsroom.comment.stories;

import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The gRPC channel to article-service and the directory on top of it. */
@Factory
public class StoriesFactory {

    @Singleton
    @Named("article-service")
    @Bean(preDestroy = "shutdownNow")
    ManagedChannel articleChannel(StoriesConfig config) {
        return Grpc.newChannelBuilder(config.getAddress(), InsecureChannelCredentials.create()).build();
    }

    @Singleton
    ArticleDirectory articleDirectory(@Named("article-service") ManagedChannel channel, StoriesConfig config) {
        return new ArticleDirectory(ArticleServiceGrpc.newBlockingStub(channel), config);
    }
}
