package dev.newsroom.comment.stories;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import dev.newsroom.proto.article.v1.GetArticleRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is a story published, and in which section? Asks article-service (GetArticle as an
 * anonymous reader, with a deadline) and caches the answer briefly: a "published" answer for
 * {@code published-ttl} (2 s), the longest a withdrawn or unpublished story takes comments.
 * While article-service is down, stories seen published within {@code known-published-for}
 * still take comments (none by default). Which stories were seen published is remembered
 * for a day, only to answer "no longer published" rather than "no such story".
 */
public class ArticleDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleDirectory.class);

    private final ArticleServiceBlockingStub articles;
    private final long deadlineMillis;
    private final long publishedTtlNanos;

    /** A "published" answer and when its question was sent: trusted for published-ttl from then. */
    private final Cache<Long, Answer> published;

    private final Cache<Long, Boolean> missing;
    private final Cache<Long, String> knownPublished;
    private final Cache<Long, Boolean> seenPublished;

    public ArticleDirectory(ArticleServiceBlockingStub articles, StoriesConfig config) {
        this.articles = articles;
        this.deadlineMillis = config.deadline().toMillis();
        this.publishedTtlNanos = config.publishedTtl().toNanos();
        this.published =
                Caffeine.newBuilder()
                        .maximumSize(config.cacheSize())
                        .expireAfterWrite(config.publishedTtl())
                        .build();
        this.missing =
                Caffeine.newBuilder()
                        .maximumSize(config.cacheSize())
                        .expireAfterWrite(config.missingTtl())
                        .build();
        this.knownPublished =
                Caffeine.newBuilder()
                        .maximumSize(config.cacheSize())
                        .expireAfterWrite(config.knownPublishedFor())
                        .build();
        this.seenPublished =
                Caffeine.newBuilder()
                        .maximumSize(config.cacheSize())
                        .expireAfterWrite(Duration.ofDays(1))
                        .build();
    }

    private record Answer(String section, long askedAt) {}

    /** Whether this replica saw the story published within the last day (it may not be now). */
    public boolean wasPublished(long articleId) {
        return seenPublished.getIfPresent(articleId) != null;
    }

    /**
     * The section of a published story; empty when it does not exist or is not published.
     *
     * @throws CommentException.Unavailable when article-service cannot answer and the story
     *         was not seen published recently
     */
    public Optional<String> publishedSection(long articleId) {
        Answer answer = published.getIfPresent(articleId);
        // counted from when the question left, not when the answer came: a change that answered
        // while ours was on its way is still seen within published-ttl of its own answer
        if (answer != null && System.nanoTime() - answer.askedAt() < publishedTtlNanos) {
            return Optional.of(answer.section());
        }
        if (missing.getIfPresent(articleId) != null) {
            return Optional.empty();
        }
        long askedAt = System.nanoTime();
        try {
            Article a =
                    articles.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                            .getArticle(GetArticleRequest.newBuilder().setId(articleId).build());
            if (a.getStatus() != Article.Status.PUBLISHED) {
                missing.put(articleId, Boolean.TRUE);
                return Optional.empty();
            }
            published.put(articleId, new Answer(a.getSection(), askedAt));
            knownPublished.put(articleId, a.getSection());
            seenPublished.put(articleId, Boolean.TRUE);
            return Optional.of(a.getSection());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                missing.put(articleId, Boolean.TRUE);
                knownPublished.invalidate(articleId);
                return Optional.empty();
            }
            String known = knownPublished.getIfPresent(articleId);
            if (known != null) {
                LOG.warn(
                        "article-service did not answer ({}); story {} was published recently, taking its comments",
                        code,
                        articleId);
                return Optional.of(known);
            }
            LOG.warn("article-service did not answer ({}) about story {}", code, articleId);
            throw new CommentException.Unavailable(
                    "stories cannot be checked right now, try again later");
        }
    }
}
