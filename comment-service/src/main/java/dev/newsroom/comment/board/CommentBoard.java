package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.Comment;
import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationEvent;
import dev.newsroom.comment.domain.PlainText;
import dev.newsroom.comment.moderation.Decision;
import dev.newsroom.comment.moderation.ModerationConfig;
import dev.newsroom.comment.moderation.ModerationPipeline;
import dev.newsroom.comment.moderation.RepeatCheck;
import dev.newsroom.comment.moderation.StoryState;
import dev.newsroom.comment.moderation.Submission;
import dev.newsroom.comment.ratelimit.PostLimits;
import dev.newsroom.comment.store.CommentStore;
import dev.newsroom.comment.store.HistoryStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** What readers do: post a comment, read a story's thread, count comments for list pages. */
@Singleton
public class CommentBoard {
    private final CommentStore comments;
    private final HistoryStore history;
    private final Stories stories;
    private final PostLimits limits;
    private final ModerationPipeline pipeline;
    private final BoardConfig config;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public CommentBoard(
            CommentStore comments,
            HistoryStore history,
            Stories stories,
            PostLimits limits,
            ModerationConfig moderation,
            BoardConfig config,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.comments = comments;
        this.history = history;
        this.stories = stories;
        this.limits = limits;
        this.pipeline =
                ModerationPipeline.standard(
                        moderation,
                        (client, key, since) ->
                                tx.executeRead(s -> comments.postedSince(client, key, since)),
                        clock);
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    /** Rate limits, then the moderation pipeline, then one transaction that stores the comment. */
    public Comment post(NewComment in) {
        if (in.articleId() <= 0) {
            throw CommentException.Invalid.of("articleId", "must be a News ID");
        }
        limits.admit(in.clientHash(), in.articleId());
        Submission s =
                new Submission(
                        in.articleId(),
                        Math.max(0, in.parentId()),
                        PlainText.line(in.authorName()),
                        in.email() == null ? "" : in.email().strip(),
                        PlainText.body(in.body()),
                        in.clientHash());
        Decision decision = pipeline.decide(s, stories);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.executeWrite(
                status -> {
                    Comment parent = s.parentId() == 0 ? null : parentOf(s);
                    long id = comments.nextId();
                    Comment c =
                            new Comment(
                                    id,
                                    s.articleId(),
                                    s.parentId(),
                                    parent == null ? id : parent.rootId(),
                                    parent == null ? 0 : parent.depth() + 1,
                                    s.authorName(),
                                    s.email(),
                                    s.body(),
                                    decision.status(),
                                    now,
                                    s.clientHash());
                    comments.insert(c, RepeatCheck.textKey(s.body()));
                    history.append(
                            new ModerationEvent(
                                    id,
                                    "posted",
                                    ModerationEvent.PIPELINE,
                                    decision.reason(),
                                    decision.status(),
                                    now));
                    return c;
                });
    }

    /** A reply goes under an approved comment of the same story, no deeper than the configured depth. */
    private Comment parentOf(Submission s) {
        Comment parent =
                comments.find(s.parentId())
                        .filter(
                                p ->
                                        p.articleId() == s.articleId()
                                                && p.status() == CommentStatus.APPROVED)
                        .orElseThrow(
                                () ->
                                        CommentException.Invalid.of(
                                                "parentId",
                                                "is not a comment shown under this story"));
        if (parent.depth() + 1 > config.maxDepth()) {
            throw CommentException.Invalid.of(
                    "parentId", "replies nest at most " + config.maxDepth() + " levels deep");
        }
        return parent;
    }

    /**
     * One page of a story's thread: approved top-level comments, each with the first
     * {@code replyLimit} approved replies of its thread and a cursor when it has more.
     */
    public ThreadPage thread(long articleId, int pageSize, String pageToken, int replyLimit) {
        int size = config.pageSize(pageSize);
        int replies = config.replyLimit(replyLimit);
        String list = "thread:" + articleId;
        long after = PageToken.decode(pageToken, list);
        StoryState story = stories.stateForReading(articleId);
        if (!story.published()) {
            throw new CommentException.NotFound("no published story " + articleId);
        }
        return tx.executeRead(
                status -> {
                    List<Comment> top = comments.approvedTopLevel(articleId, after, size + 1);
                    String next = "";
                    if (top.size() > size) {
                        top = top.subList(0, size);
                        next = PageToken.encode(top.get(size - 1).id(), list);
                    }
                    List<Comment> shown =
                            comments.approvedReplies(
                                    top.stream().map(Comment::id).toList(), replies + 1);
                    Map<Long, List<Comment>> byThread = new LinkedHashMap<>();
                    shown.forEach(
                            r ->
                                    byThread.computeIfAbsent(r.rootId(), k -> new ArrayList<>())
                                            .add(r));
                    List<Comment> kept = new ArrayList<>();
                    Map<Long, String> more = new HashMap<>();
                    byThread.forEach(
                            (root, thread) -> {
                                if (thread.size() > replies) {
                                    thread = thread.subList(0, replies);
                                    more.put(
                                            root,
                                            PageToken.encode(
                                                    thread.get(replies - 1).id(),
                                                    repliesList(root)));
                                }
                                kept.addAll(thread);
                            });
                    kept.sort(Comparator.comparingLong(Comment::id));
                    return new ThreadPage(
                            CommentThread.build(top, kept),
                            more,
                            comments.approvedCount(articleId),
                            story.settings(),
                            next);
                });
    }

    /** Further approved replies of a top-level comment's thread, oldest first, flat. */
    public Page<Comment> replies(long commentId, int pageSize, String pageToken) {
        if (commentId <= 0) {
            throw CommentException.Invalid.of("commentId", "must be a comment id");
        }
        int size = config.pageSize(pageSize);
        long after = PageToken.decode(pageToken, repliesList(commentId));
        Comment root =
                tx.executeRead(s -> comments.find(commentId))
                        .filter(c -> c.depth() == 0 && c.status() == CommentStatus.APPROVED)
                        .orElseThrow(
                                () ->
                                        new CommentException.NotFound(
                                                "no shown top-level comment " + commentId));
        if (!stories.stateForReading(root.articleId()).published()) {
            throw new CommentException.NotFound("no shown top-level comment " + commentId);
        }
        return tx.executeRead(
                s -> {
                    List<Comment> found = comments.approvedRepliesAfter(commentId, after, size + 1);
                    String next = "";
                    if (found.size() > size) {
                        found = found.subList(0, size);
                        next = PageToken.encode(found.get(size - 1).id(), repliesList(commentId));
                    }
                    return new Page<>(found, next);
                });
    }

    private static String repliesList(long rootId) {
        return "replies:" + rootId;
    }

    /** Approved-comment counts for up to the configured number of stories, in request order. */
    public Map<Long, Long> counts(List<Long> articleIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(articleIds));
        if (ids.size() > config.maxCountIds()) {
            throw CommentException.Invalid.of(
                    "articleIds", "at most " + config.maxCountIds() + " stories at once");
        }
        return tx.executeRead(s -> comments.approvedCounts(ids));
    }

    /**
     * A page of a thread, the cursor for more replies of each top-level comment that has
     * more (by its id), the story's approved total and its comment settings.
     */
    public record ThreadPage(
            List<CommentThread> threads,
            Map<Long, String> moreReplies,
            long totalCount,
            CommentSettings settings,
            String nextPageToken) {}
}
