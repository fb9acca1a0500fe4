package dev.newsroom.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.newsroom.gateway.readpath.StoryRef;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleProto;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.comment.v1.Comment;
import dev.newsroom.proto.comment.v1.CommentProto;
import dev.newsroom.proto.common.v1.CacheClass;
import dev.newsroom.proto.common.v1.ChangedStory;
import dev.newsroom.proto.common.v1.HttpSemantics;
import dev.newsroom.proto.common.v1.HttpSemanticsProto;
import dev.newsroom.proto.common.v1.PublicRead;
import dev.newsroom.proto.common.v1.RateClass;
import dev.newsroom.proto.common.v1.StoryFields;
import dev.newsroom.proto.search.v1.SearchProto;
import dev.newsroom.testing.v1.EchoProto;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code http_semantics} option read from the descriptors: what each RPC declares, and the safe defaults. */
class RpcSemanticsTest {

    private static final Article STORY =
            Article.newBuilder()
                    .setId(42)
                    .setVersion(3)
                    .setSection("economy")
                    .setStatus(Article.Status.PUBLISHED)
                    .build();

    @Test
    void everyRpcOfTheContractDeclaresItsRateClassAndTheRightOnes() {
        for (FileDescriptor file :
                List.of(
                        ArticleProto.getDescriptor(),
                        CommentProto.getDescriptor(),
                        SearchProto.getDescriptor())) {
            for (var service : file.getServices()) {
                for (MethodDescriptor rpc : service.getMethods()) {
                    assertThat(
                                    rpc.getOptions()
                                            .getExtension(HttpSemanticsProto.httpSemantics)
                                            .getRateClass())
                            .as(rpc.getFullName())
                            .isNotEqualTo(RateClass.RATE_CLASS_UNSPECIFIED);
                }
            }
        }
        assertThat(RpcSemantics.of(article("GetArticle")).rateClass())
                .isEqualTo(RateClass.RATE_CLASS_READ);
        assertThat(RpcSemantics.of(article("CreateArticle")).rateClass())
                .isEqualTo(RateClass.RATE_CLASS_WRITE);
        assertThat(
                        RpcSemantics.of(
                                        CommentProto.getDescriptor()
                                                .findServiceByName("CommentService")
                                                .findMethodByName("CreateComment"))
                                .rateClass())
                .isEqualTo(RateClass.RATE_CLASS_COMMENT_POST);
        assertThat(
                        RpcSemantics.of(
                                        SearchProto.getDescriptor()
                                                .getServices()
                                                .get(0)
                                                .findMethodByName("Search"))
                                .rateClass())
                .isEqualTo(RateClass.RATE_CLASS_SEARCH);
        // undeclared: the write budget
        assertThat(RpcSemantics.DEFAULTS.rateClass()).isEqualTo(RateClass.RATE_CLASS_WRITE);
    }

    @Test
    void aMethodWithoutTheOptionGetsTheSafeDefaults() {
        RpcSemantics none =
                RpcSemantics.of(
                        EchoProto.getDescriptor()
                                .findServiceByName("EchoService")
                                .findMethodByName("WhoAmI"));

        assertThat(none).isEqualTo(RpcSemantics.DEFAULTS);
        assertThat(none.publicRead()).isFalse();
        assertThat(none.nearCache()).isFalse();
        assertThat(none.countsView()).isFalse();
        assertThat(none.idempotent()).isFalse();
        assertThat(none.storyOf(STORY)).isNull();
        assertThat(none.changedStory(STORY, STORY)).isNull();
        assertThat(none.etagOf(STORY)).isNull();
        assertThat(none.locationOf(STORY)).isNull();
    }

    @Test
    void aStoryReadIsAPublicNearCachedItemThatCountsViewsWithAnEtag() {
        RpcSemantics get = RpcSemantics.of(article("GetArticle"));

        assertThat(get.cacheClass()).isEqualTo(CacheClass.CACHE_CLASS_ITEM);
        assertThat(get.nearCache()).isTrue();
        assertThat(get.countsView()).isTrue();
        assertThat(get.idempotent()).isTrue();
        assertThat(get.storyOf(STORY)).isEqualTo(new StoryRef(42, "economy", true));
        assertThat(
                        get.storyOf(STORY.toBuilder().setStatus(Article.Status.DRAFT).build())
                                .published())
                .isFalse();
        assertThat(get.storyOf(Article.getDefaultInstance())).isNull();
        assertThat(get.etagOf(STORY)).isEqualTo("\"42-3\"");
        assertThat(get.etagOf(Article.getDefaultInstance())).isNull();
        assertThat(get.changedStory(STORY, STORY)).isNull();
    }

    @Test
    void theHotListIsNearCachedAsAListAboutNoStory() {
        RpcSemantics hot = RpcSemantics.of(article("GetHotStories"));

        assertThat(hot.cacheClass()).isEqualTo(CacheClass.CACHE_CLASS_LIST);
        assertThat(hot.nearCache()).isTrue();
        assertThat(hot.countsView()).isFalse();
        assertThat(hot.story()).isNull();
        assertThat(hot.etag()).isNull();
    }

    @Test
    void storyWritesNameTheStoryTheyChangeAndACreateItsLocation() {
        RpcSemantics create = RpcSemantics.of(article("CreateArticle"));
        assertThat(create.publicRead()).isFalse();
        assertThat(create.idempotent()).isFalse();
        assertThat(create.changedStory(Article.getDefaultInstance(), STORY)).isEqualTo(42L);
        assertThat(create.locationOf(STORY)).isEqualTo(URI.create("/api/v1/articles/42"));

        RpcSemantics update = RpcSemantics.of(article("UpdateArticle"));
        UpdateArticleRequest request =
                UpdateArticleRequest.newBuilder().setArticle(Article.newBuilder().setId(7)).build();
        assertThat(update.changedStory(request, STORY))
                .as("from the request, not the answer")
                .isEqualTo(7L);
        assertThat(update.changedStory(UpdateArticleRequest.getDefaultInstance(), STORY)).isNull();
        assertThat(update.locationOf(STORY)).isNull();

        assertThat(RpcSemantics.of(article("WithdrawArticle")).idempotent()).isTrue();
    }

    @Test
    void aCommentPostChangesNoStoryAndHasNoLocation() {
        RpcSemantics post =
                RpcSemantics.of(
                        CommentProto.getDescriptor()
                                .findServiceByName("CommentService")
                                .findMethodByName("CreateComment"));
        Comment comment = Comment.newBuilder().setId(42).setArticleId(9).build();

        assertThat(post.changedStory(comment, comment)).isNull();
        assertThat(post.locationOf(comment)).isNull();
        assertThat(post.storyOf(comment)).isNull();
        assertThat(post.publicRead()).isFalse();
    }

    @Test
    void everyRpcOfTheContractDeclaresItsSemantics() {
        for (FileDescriptor file :
                List.of(
                        ArticleProto.getDescriptor(),
                        CommentProto.getDescriptor(),
                        SearchProto.getDescriptor())) {
            file.getServices()
                    .forEach(
                            service ->
                                    service.getMethods()
                                            .forEach(
                                                    rpc ->
                                                            assertThat(
                                                                            rpc.getOptions()
                                                                                    .hasExtension(
                                                                                            HttpSemanticsProto
                                                                                                    .httpSemantics))
                                                                    .as(rpc.getFullName())
                                                                    .isTrue()));
        }
        BindingCatalog catalog =
                BindingCatalog.fromOuterClasses(
                        List.of(
                                "dev.newsroom.proto.article.v1.ArticleProto",
                                "dev.newsroom.proto.comment.v1.CommentProto",
                                "dev.newsroom.proto.search.v1.SearchProto"));
        assertThat(catalog.bindings()).isNotEmpty();
    }

    @Test
    void declarationsThatCannotHoldFailStartUp() throws Exception {
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder().setGet("/x/{id}").build(),
                                        HttpSemantics.newBuilder()
                                                .setPublicRead(
                                                        PublicRead.newBuilder()
                                                                .setCacheClass(
                                                                        CacheClass
                                                                                .CACHE_CLASS_ITEM))
                                                .setStory(
                                                        StoryFields.newBuilder().setId("headline"))
                                                .build()))
                .hasMessageContaining("story.id")
                .hasMessageContaining("headline");
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder().setGet("/x/{id}").build(),
                                        HttpSemantics.newBuilder()
                                                .setPublicRead(PublicRead.newBuilder())
                                                .build()))
                .hasMessageContaining("cache_class");
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder().setGet("/x/{id}").build(),
                                        HttpSemantics.newBuilder()
                                                .setPublicRead(
                                                        PublicRead.newBuilder()
                                                                .setCacheClass(
                                                                        CacheClass.CACHE_CLASS_ITEM)
                                                                .setCountsView(true))
                                                .build()))
                .hasMessageContaining("counts_view");
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder()
                                                .setPost("/x/{id}")
                                                .setBody("*")
                                                .build(),
                                        HttpSemantics.newBuilder()
                                                .setPublicRead(
                                                        PublicRead.newBuilder()
                                                                .setCacheClass(
                                                                        CacheClass
                                                                                .CACHE_CLASS_LIST))
                                                .build()))
                .hasMessageContaining("public_read must be a GET");
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder().setPost("/x").setBody("*").build(),
                                        HttpSemantics.newBuilder()
                                                .setChanges(
                                                        ChangedStory.newBuilder()
                                                                .setRequestId("nope"))
                                                .build()))
                .hasMessageContaining("changes");
        assertThatThrownBy(
                        () ->
                                catalogOf(
                                        HttpRule.newBuilder().setPost("/x").setBody("*").build(),
                                        HttpSemantics.newBuilder()
                                                .setLocation("/x/{id}/nowhere")
                                                .build()))
                .hasMessageContaining("no GET answers its location");
        assertThat(
                        catalogOf(
                                        HttpRule.newBuilder().setPost("/x").setBody("*").build(),
                                        HttpSemantics.newBuilder()
                                                .setLocation("/api/v1/articles/{id}")
                                                .build())
                                .bindings())
                .isNotEmpty();
    }

    private static MethodDescriptor article(String name) {
        return ArticleProto.getDescriptor()
                .findServiceByName("ArticleService")
                .findMethodByName(name);
    }

    /** The article contract plus one RPC X(Article) returns (Article) with this rule and declaration. */
    private static BindingCatalog catalogOf(HttpRule rule, HttpSemantics semantics)
            throws DescriptorValidationException {
        MethodOptions options =
                MethodOptions.newBuilder()
                        .setExtension(AnnotationsProto.http, rule)
                        .setExtension(HttpSemanticsProto.httpSemantics, semantics)
                        .build();
        FileDescriptorProto file =
                FileDescriptorProto.newBuilder()
                        .setName("test/x.proto")
                        .setPackage("test.x")
                        .setSyntax("proto3")
                        .addDependency(ArticleProto.getDescriptor().getName())
                        .addService(
                                ServiceDescriptorProto.newBuilder()
                                        .setName("X")
                                        .addMethod(
                                                MethodDescriptorProto.newBuilder()
                                                        .setName("Do")
                                                        .setInputType(
                                                                ".newsroom.article.v1.Article")
                                                        .setOutputType(
                                                                ".newsroom.article.v1.Article")
                                                        .setOptions(options)))
                        .build();
        FileDescriptor built =
                FileDescriptor.buildFrom(file, new FileDescriptor[] {ArticleProto.getDescriptor()});
        return BindingCatalog.of(List.of(ArticleProto.getDescriptor(), built));
    }
}
