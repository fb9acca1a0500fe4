package dev.newsroom.article.api;

import com.google.protobuf.Timestamp;
import dev.newsroom.article.domain.Change;
import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryContent;
import dev.newsroom.article.domain.StoryEvent;
import dev.newsroom.article.domain.StoryStatus;
import dev.newsroom.article.store.SectionStore;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.proto.article.v1.Section;
import java.time.Instant;

/** Domain ⇄ contract. */
public final class Protos {
    private Protos() {}

    public static Article article(Story s) {
        Article.Builder b =
                Article.newBuilder()
                        .setId(s.id())
                        .setSlug(s.slug())
                        .setLanguage(s.language())
                        .setSection(s.section())
                        .addAllTags(s.tags())
                        .setHeadline(s.headline())
                        .setLead(s.lead())
                        .setBody(s.body())
                        .setAuthor(s.author())
                        .setStatus(Article.Status.valueOf(s.status().name()))
                        .setCreateTime(timestamp(s.createTime()))
                        .setUpdateTime(timestamp(s.updateTime()))
                        .setVersion(s.version());
        if (s.publishTime() != null) {
            b.setPublishTime(timestamp(s.publishTime()));
        }
        if (s.scheduleTime() != null) {
            b.setScheduleTime(timestamp(s.scheduleTime()));
        }
        return b.build();
    }

    /** List items carry everything but the body. */
    public static Article summary(Story s) {
        return article(s).toBuilder().clearBody().build();
    }

    public static StoryContent content(Article a) {
        return new StoryContent(
                a.getLanguage(),
                a.getSection(),
                a.getTagsList(),
                a.getHeadline(),
                a.getLead(),
                a.getBody(),
                a.getAuthor());
    }

    public static dev.newsroom.proto.article.v1.Revision revision(Revision r) {
        return dev.newsroom.proto.article.v1.Revision.newBuilder()
                .setVersion(r.version())
                .setChange(r.change().label())
                .setEditor(r.editor())
                .setCreateTime(timestamp(r.createTime()))
                .setArticle(article(r.story()))
                .build();
    }

    public static Section section(SectionStore.Section s) {
        return Section.newBuilder().setId(s.id()).putAllNames(s.names()).build();
    }

    public static ArticleEvent event(StoryEvent e) {
        return ArticleEvent.newBuilder()
                .setSequence(e.sequence())
                .setType(eventType(e.change()))
                .setArticle(article(e.story()))
                .setEventTime(timestamp(e.eventTime()))
                .build();
    }

    public static StoryStatus status(Article.Status s) {
        return switch (s) {
            case DRAFT -> StoryStatus.DRAFT;
            case SCHEDULED -> StoryStatus.SCHEDULED;
            case PUBLISHED -> StoryStatus.PUBLISHED;
            case WITHDRAWN -> StoryStatus.WITHDRAWN;
            default -> null;
        };
    }

    static ArticleEvent.Type eventType(Change c) {
        return switch (c) {
            case CREATE -> ArticleEvent.Type.CREATED;
            case UPDATE -> ArticleEvent.Type.UPDATED;
            case SCHEDULE -> ArticleEvent.Type.SCHEDULED;
            case PUBLISH -> ArticleEvent.Type.PUBLISHED;
            case UNPUBLISH -> ArticleEvent.Type.UNPUBLISHED;
            case WITHDRAW -> ArticleEvent.Type.WITHDRAWN;
        };
    }

    public static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    /** A valid protobuf Timestamp as an Instant, or null when it is not one. */
    public static Instant instant(Timestamp t) {
        if (t.getNanos() < 0
                || t.getNanos() > 999_999_999
                || t.getSeconds() < -62_135_596_800L
                || t.getSeconds() > 253_402_300_799L) {
            return null;
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
