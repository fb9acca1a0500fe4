package dev.newsroom.search.index;

import dev.newsroom.search.feed.FeedFollower;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live index and its feed follower, and the rebuild beside it.
 *
 * <p>{@code <data-dir>/CURRENT} names the live index directory. A rebuild fills a new
 * directory from the start of the feed while searches use the live one; once it has caught
 * up, CURRENT is replaced atomically (rename), the live reference is switched, and the old
 * index is closed when its last search has released it. An index written by another schema
 * ({@link LiveIndex#SCHEMA}: an older release, or a newer one after a rollback) is rebuilt
 * that way as soon as the service opens it.
 */
@Context
public class SearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";

    private record Generation(LiveIndex index, FeedFollower follower) {}

    private final SearchConfig config;
    private final ManagedChannel articleService;
    private final Path home;
    private final AtomicReference<Generation> live = new AtomicReference<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public SearchIndex(
            SearchConfig config, @Named("article-service") ManagedChannel articleService) {
        this.config = config;
        this.articleService = articleService;
        this.home = Path.of(config.dataDir()).toAbsolutePath();
        String name = currentName();
        deleteOthers(name);
        live.set(follow(name));
        LiveIndex opened = live.get().index();
        if (opened.schema() < LiveIndex.SCHEMA || opened.newerSchema()) {
            LOG.info(
                    "the index {} was written by another release's schema; rebuilding it as schema {} while it keeps answering",
                    name,
                    LiveIndex.SCHEMA);
            reindex();
        }
    }

    /** Runs {@code search} against the live index; a swap never pulls the searcher from under it. */
    public <T> T withSearcher(SearchFunction<T> search) throws IOException {
        LiveIndex index = live.get().index();
        IndexSearcher searcher;
        try {
            searcher = index.acquire();
        } catch (AlreadyClosedException swappedMeanwhile) {
            index = live.get().index();
            searcher = index.acquire();
        }
        try {
            return search.apply(searcher);
        } finally {
            index.release(searcher);
        }
    }

    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    public LiveIndex live() {
        return live.get().index();
    }

    public boolean feedConnected() {
        return live.get().follower().connected();
    }

    /**
     * Starts a rebuild in the background and returns the new directory's name; null when a
     * rebuild is already running.
     */
    public String reindex() {
        if (!rebuilding.compareAndSet(false, true)) {
            return null;
        }
        String name = "index-" + System.currentTimeMillis();
        Thread rebuild = new Thread(() -> rebuild(name), "search-reindex");
        rebuild.setDaemon(true);
        rebuild.start();
        return name;
    }

    private void rebuild(String name) {
        Generation fresh = null;
        try {
            LOG.info("reindex: building {} from the start of the feed", name);
            fresh = follow(name);
            while (!fresh.follower().caughtUp(config.reindexIdle())) {
                Thread.sleep(100);
            }
            fresh.index().commit();
            writeCurrent(name);
            Generation old = live.getAndSet(fresh);
            LOG.info(
                    "reindex: {} is live ({} stories), {} retired",
                    name,
                    fresh.index().stories(),
                    old.index().path().getFileName());
            retire(old, true);
        } catch (Exception e) {
            LOG.error("reindex into {} failed; the live index stays", name, e);
            if (fresh != null) {
                retire(fresh, true);
            }
        } finally {
            rebuilding.set(false);
        }
    }

    public boolean rebuilding() {
        return rebuilding.get();
    }

    private Generation follow(String name) {
        LiveIndex index = LiveIndex.open(home.resolve(name));
        FeedFollower follower =
                new FeedFollower(index, articleService, config.feed(), "feed-" + name).start();
        return new Generation(index, follower);
    }

    /** Stops a generation; searches that still hold its searcher finish on it. */
    private static void retire(Generation generation, boolean delete) {
        try {
            generation.follower().close();
            generation.index().close();
            if (delete) {
                deleteTree(generation.index().path());
            }
        } catch (Exception e) {
            LOG.warn("closing {} failed", generation.index().path(), e);
        }
    }

    private String currentName() {
        try {
            Files.createDirectories(home);
            Path current = home.resolve(CURRENT);
            if (Files.exists(current)) {
                return Files.readString(current, StandardCharsets.UTF_8).strip();
            }
            writeCurrent("index");
            return "index";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the search data directory " + home, e);
        }
    }

    private void writeCurrent(String name) throws IOException {
        Path tmp = home.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(
                tmp,
                home.resolve(CURRENT),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Half-built or retired indexes from an earlier run. */
    private void deleteOthers(String keep) {
        try (Stream<Path> children = Files.list(home)) {
            children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().equals(keep))
                    .forEach(SearchIndex::deleteTree);
        } catch (IOException e) {
            LOG.warn("cannot clean {}", home, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}", root, e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        retire(live.get(), false);
    }
}
