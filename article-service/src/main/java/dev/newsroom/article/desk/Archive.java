package dev.newsroom.article.desk;

import dev.newsroom.article.domain.Revision;
import dev.newsroom.article.domain.Slugs;
import dev.newsroom.article.domain.Story;
import dev.newsroom.article.domain.StoryException;
import dev.newsroom.article.domain.StoryStatus;
import dev.newsroom.article.store.RevisionStore;
import dev.newsroom.article.store.StoryQuery;
import dev.newsroom.article.store.StoryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;

/** Reads: readers see published stories only; editors see every status. */
@Singleton
public class Archive {
    private final StoryStore stories;
    private final RevisionStore revisions;
    private final TransactionOperations<Connection> tx;
    private final DeskConfig config;
    private final Counter reads;

    public Archive(
            StoryStore stories,
            RevisionStore revisions,
            TransactionOperations<Connection> tx,
            DeskConfig config,
            MeterRegistry meters) {
        this.stories = stories;
        this.revisions = revisions;
        this.tx = tx;
        this.config = config;
        // what bench/read-path reports as "database queries" during near-cache reads
        this.reads =
                Counter.builder("article.db.reads")
                        .description("read transactions against the database")
                        .register(meters);
    }

    /** A list's filters; a null status means "published" for readers and "any" for editors. */
    public record Filters(StoryStatus status, String section, String language, String tag) {
        String fingerprint() {
            return status + "|" + section + "|" + language + "|" + tag;
        }
    }

    public Story get(long id, Editor who) {
        if (id <= 0) {
            throw StoryException.Invalid.of("id", "must be a positive News ID");
        }
        return visible(read(() -> stories.find(id)).orElse(null), who, "story " + id);
    }

    public Story getBySlug(String slug, Editor who) {
        if (!Slugs.isValid(slug)) {
            throw StoryException.Invalid.of("slug", "is not a valid slug");
        }
        return visible(
                read(() -> stories.findBySlug(slug)).orElse(null), who, "story '" + slug + "'");
    }

    public Page<Story> list(Filters f, int pageSize, String pageToken, Editor who) {
        int size = pageSize(pageSize);
        StoryStatus status = f.status();
        if (!who.editor() && status != null && status != StoryStatus.PUBLISHED) {
            throw new StoryException.Forbidden(
                    "only editors can list stories that are not published");
        }
        if (!who.editor()) {
            status = StoryStatus.PUBLISHED;
        }
        boolean byPublishTime = status == StoryStatus.PUBLISHED;
        String fingerprint = f.fingerprint() + "|" + who.editor();
        PageToken after = pageToken.isEmpty() ? null : PageToken.decode(pageToken, fingerprint);
        StoryQuery q =
                new StoryQuery(
                        status,
                        blankToNull(f.section()),
                        blankToNull(f.language()),
                        blankToNull(f.tag()),
                        byPublishTime,
                        after == null ? null : after.publishTime(),
                        after == null ? null : after.id(),
                        size + 1);
        List<Story> found = read(() -> stories.list(q));
        if (found.size() <= size) {
            return new Page<>(found, "");
        }
        List<Story> page = found.subList(0, size);
        Story last = page.get(size - 1);
        return new Page<>(
                List.copyOf(page),
                new PageToken(byPublishTime ? last.publishTime() : null, last.id())
                        .encode(fingerprint));
    }

    public Page<Revision> revisions(long id, int pageSize, String pageToken) {
        int size = pageSize(pageSize);
        String fingerprint = "revisions|" + id;
        Long before = pageToken.isEmpty() ? null : PageToken.decode(pageToken, fingerprint).id();
        reads.increment();
        List<Revision> found =
                tx.executeRead(
                        s -> {
                            if (stories.find(id).isEmpty()) {
                                throw new StoryException.NotFound("story " + id);
                            }
                            return revisions.list(id, before, size + 1);
                        });
        if (found.size() <= size) {
            return new Page<>(found, "");
        }
        List<Revision> page = List.copyOf(found.subList(0, size));
        return new Page<>(
                page, new PageToken(null, page.get(size - 1).version()).encode(fingerprint));
    }

    /** The published stories among {@code ids} (any order). */
    public List<Story> published(List<Long> ids) {
        return ids.isEmpty() ? List.of() : read(() -> stories.findPublished(ids));
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        reads.increment();
        return tx.executeRead(s -> query.get());
    }

    private int pageSize(int requested) {
        if (requested < 0 || requested > config.maxPageSize()) {
            throw StoryException.Invalid.of(
                    "pageSize", "must be between 1 and " + config.maxPageSize());
        }
        return requested == 0 ? config.defaultPageSize() : requested;
    }

    private static Story visible(Story s, Editor who, String what) {
        if (s == null || (!who.editor() && !s.visibleToReaders())) {
            throw new StoryException.NotFound(what);
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
