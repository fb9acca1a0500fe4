package dev.newsroom.comment.stories;

import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The directory on top of the channel to article-service (service-support's wiring). */
@Factory
public class StoriesFactory {

    @Singleton
    ArticleDirectory articleDirectory(
            @Named("article-service") ManagedChannel channel, StoriesConfig config) {
        return new ArticleDirectory(ArticleServiceGrpc.newBlockingStub(channel), config);
    }
}
