package dev.newsroom.article.api;

import dev.newsroom.article.cache.HotRanking;
import dev.newsroom.article.cache.StoryCache;
import dev.newsroom.article.desk.Archive;
import dev.newsroom.article.desk.Editor;
import dev.newsroom.article.desk.Page;
import dev.newsroom.article.desk.Sections;
import dev.newsroom.article.desk.StoryDesk;
import dev.newsroom.article.desk.StoryUpdate;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.Story;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc;
import dev.newsroom.proto.article.v1.CreateArticleRequest;
import dev.newsroom.proto.article.v1.GetArticleBySlugRequest;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import dev.newsroom.proto.article.v1.GetHotStoriesRequest;
import dev.newsroom.proto.article.v1.HotStories;
import dev.newsroom.proto.article.v1.ListArticlesRequest;
import dev.newsroom.proto.article.v1.ListArticlesResponse;
import dev.newsroom.proto.article.v1.ListRevisionsRequest;
import dev.newsroom.proto.article.v1.ListRevisionsResponse;
import dev.newsroom.proto.article.v1.ListSectionsRequest;
import dev.newsroom.proto.article.v1.ListSectionsResponse;
import dev.newsroom.proto.article.v1.PublishArticleRequest;
import dev.newsroom.proto.article.v1.UnpublishArticleRequest;
import dev.newsroom.proto.article.v1.UpdateArticleRequest;
import dev.newsroom.proto.article.v1.WithdrawArticleRequest;
import dev.newsroom.service.Caller;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;

/** ArticleService over gRPC: maps requests, checks roles, calls the desk or the archive. */
@Singleton
public class ArticleEndpoint extends ArticleServiceGrpc.ArticleServiceImplBase {
    private final StoryDesk desk;
    private final Archive archive;
    private final Sections sections;
    private final StoryCache cache;
    private final HotRanking hot;

    public ArticleEndpoint(
            StoryDesk desk, Archive archive, Sections sections, StoryCache cache, HotRanking hot) {
        this.desk = desk;
        this.archive = archive;
        this.sections = sections;
        this.cache = cache;
        this.hot = hot;
    }

    @Override
    public void listArticles(ListArticlesRequest r, StreamObserver<ListArticlesResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Archive.Filters f =
                            new Archive.Filters(
                                    Protos.status(r.getStatus()),
                                    r.getSection(),
                                    r.getLanguage(),
                                    r.getTag());
                    Page<Story> page =
                            archive.list(
                                    f,
                                    r.getPageSize(),
                                    r.getPageToken(),
                                    asEditor(Caller.current()));
                    ListArticlesResponse.Builder b =
                            ListArticlesResponse.newBuilder()
                                    .setNextPageToken(page.nextPageToken());
                    page.items().forEach(s -> b.addArticles(Protos.summary(s)));
                    return b.build();
                });
    }

    @Override
    public void getArticle(GetArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Editor who = asEditor(Caller.current());
                    if (who.editor()) {
                        return Protos.article(archive.get(r.getId(), who));
                    }
                    return cache.byId(r.getId(), () -> Protos.article(archive.get(r.getId(), who)));
                });
    }

    @Override
    public void getArticleBySlug(GetArticleBySlugRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Editor who = asEditor(Caller.current());
                    if (who.editor()) {
                        return Protos.article(archive.getBySlug(r.getSlug(), who));
                    }
                    return cache.bySlug(
                            r.getSlug(), () -> Protos.article(archive.getBySlug(r.getSlug(), who)));
                });
    }

    @Override
    public void getHotStories(GetHotStoriesRequest r, StreamObserver<HotStories> out) {
        GrpcErrors.unary(out, () -> hot.topFor(r.getSection(), r.getWindow(), r.getLimit()));
    }

    @Override
    public void createArticle(CreateArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Editor editor = editor();
                    return Protos.article(
                            desk.create(
                                    Protos.content(r.getArticle()),
                                    r.getArticle().getSlug(),
                                    editor));
                });
    }

    @Override
    public void updateArticle(UpdateArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Editor editor = editor();
                    Article a = r.getArticle();
                    StoryUpdate update =
                            new StoryUpdate(
                                    a.getId(),
                                    a.getVersion(),
                                    UpdateMasks.fields(r),
                                    Protos.content(a),
                                    a.getSlug());
                    return Protos.article(desk.update(update, editor));
                });
    }

    @Override
    public void publishArticle(PublishArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    Editor editor = editor();
                    Instant at = null;
                    if (r.hasPublishTime()) {
                        at = Protos.instant(r.getPublishTime());
                        if (at == null) {
                            throw GrpcErrors.invalid("publishTime", "is not a valid time");
                        }
                    }
                    return Protos.article(desk.publish(r.getId(), at, r.getVersion(), editor));
                });
    }

    @Override
    public void unpublishArticle(UnpublishArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out, () -> Protos.article(desk.unpublish(r.getId(), r.getVersion(), editor())));
    }

    @Override
    public void withdrawArticle(WithdrawArticleRequest r, StreamObserver<Article> out) {
        GrpcErrors.unary(
                out, () -> Protos.article(desk.withdraw(r.getId(), r.getVersion(), editor())));
    }

    @Override
    public void listRevisions(ListRevisionsRequest r, StreamObserver<ListRevisionsResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    editor();
                    Page<Revision> page =
                            archive.revisions(r.getId(), r.getPageSize(), r.getPageToken());
                    ListRevisionsResponse.Builder b =
                            ListRevisionsResponse.newBuilder()
                                    .setNextPageToken(page.nextPageToken());
                    page.items().forEach(rev -> b.addRevisions(Protos.revision(rev)));
                    return b.build();
                });
    }

    @Override
    public void listSections(ListSectionsRequest r, StreamObserver<ListSectionsResponse> out) {
        GrpcErrors.unary(
                out,
                () -> {
                    ListSectionsResponse.Builder b = ListSectionsResponse.newBuilder();
                    sections.all().forEach(s -> b.addSections(Protos.section(s)));
                    return b.build();
                });
    }

    /** Every mutating call re-checks the editor role (docs/architecture.md, decision 6). */
    private static Editor editor() {
        return asEditor(Caller.current().require(Caller.EDITOR));
    }

    /** An editor's identity for the desk; everyone else reads as a reader. */
    private static Editor asEditor(Caller caller) {
        return caller.authenticated() && caller.has(Caller.EDITOR)
                ? new Editor(caller.subject(), true)
                : Editor.PUBLIC;
    }
}
