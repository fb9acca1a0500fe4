package dev.newsroom.search.bench;

import com.google.protobuf.Timestamp;
import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.proto.article.v1.ArticleEvent;
import dev.newsroom.search.index.LiveIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cranfield collection (1,400 abstracts, 225 questions, binary judgements) and its
 * measures. Each abstract is an English story (title → headline, text → body); how a
 * question is answered is the caller's: the CI check asks search-service over gRPC, the bench
 * asks the gateway, and the OpenSearch row asks OpenSearch, so each figure is of what ships.
 */
public final class Cranfield {
    /** nDCG@10 and MAP (over the first {@link #DEPTH}) and recall@100, averaged over the judged queries. */
    public record Result(int queries, double ndcg10, double map, double recall100) {
        @Override
        public String toString() {
            return String.format(
                    "%d queries, nDCG@10 %.4f, MAP %.4f, recall@100 %.4f",
                    queries, ndcg10, map, recall100);
        }
    }

    /** How many hits of each query are judged (the usual depth for MAP). */
    public static final int DEPTH = 1000;

    /** One abstract. */
    public record Doc(long id, String title, String text) {}

    /** A question's ranking: story ids, best first, at most {@link #DEPTH}. */
    public interface Ranking {
        List<Long> rank(String question) throws Exception;
    }

    private final List<Doc> docs = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final Map<Integer, Set<Long>> relevant = new HashMap<>();

    private Cranfield() {}

    public static Cranfield load(Path dir) throws IOException {
        Cranfield c = new Cranfield();
        records(dir.resolve("cran.all.1400"))
                .forEach((id, r) -> c.docs.add(new Doc(id, r[0], r[1])));
        // cran.qry numbers its queries with gaps, cranqrel by position: renumber by position
        records(dir.resolve("cran.qry")).values().forEach(r -> c.queries.add(r[1]));
        for (String line : Files.readAllLines(dir.resolve("cranqrel"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && Integer.parseInt(f[2]) >= 1) {
                c.relevant
                        .computeIfAbsent(Integer.parseInt(f[0]), k -> new HashSet<>())
                        .add(Long.parseLong(f[1]));
            }
        }
        return c;
    }

    public List<Doc> docs() {
        return docs;
    }

    public List<String> queries() {
        return queries;
    }

    /** A published English story of the abstract, as article-service would send it on its feed. */
    public static Article story(Doc d) {
        return Article.newBuilder()
                .setId(d.id())
                .setVersion(1)
                .setSlug("cranfield-" + d.id())
                .setLanguage("en")
                .setSection("science")
                .setHeadline(d.title())
                .setBody(d.text())
                .setStatus(Article.Status.PUBLISHED)
                .setPublishTime(Timestamp.newBuilder().setSeconds(536_457_600L + d.id()))
                .build();
    }

    /** A search data directory holding every abstract, indexed the way the feed indexes stories. */
    public void writeIndex(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try (LiveIndex index = LiveIndex.open(dataDir.resolve("index"))) {
            long sequence = 0;
            for (Doc d : docs) {
                index.apply(
                        ArticleEvent.newBuilder()
                                .setSequence(++sequence)
                                .setType(ArticleEvent.Type.PUBLISHED)
                                .setArticle(story(d))
                                .build());
            }
            index.commit();
        }
        Files.writeString(dataDir.resolve("CURRENT"), "index\n", StandardCharsets.UTF_8);
    }

    /** Every judged question through {@code ranking}. */
    public Result evaluate(Ranking ranking) throws Exception {
        double ndcg = 0;
        double map = 0;
        double recall = 0;
        int n = 0;
        for (int q = 1; q <= queries.size(); q++) {
            Set<Long> rel = relevant.getOrDefault(q, Set.of());
            if (rel.isEmpty()) {
                continue;
            }
            List<Long> ranked = ranking.rank(queries.get(q - 1));
            ndcg += ndcg10(ranked, rel);
            map += averagePrecision(ranked, rel);
            recall += recall(ranked, rel, 100);
            n++;
        }
        return new Result(n, ndcg / n, map / n, recall / n);
    }

    static double ndcg10(List<Long> ranked, Set<Long> relevant) {
        double dcg = 0;
        double ideal = 0;
        for (int i = 0; i < 10; i++) {
            if (i < ranked.size() && relevant.contains(ranked.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
            if (i < relevant.size()) {
                ideal += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        return dcg / ideal;
    }

    static double averagePrecision(List<Long> ranked, Set<Long> relevant) {
        double sum = 0;
        int found = 0;
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant.size();
    }

    static double recall(List<Long> ranked, Set<Long> relevant, int k) {
        return ranked.stream().limit(k).filter(relevant::contains).count()
                / (double) relevant.size();
    }

    /** SMART records by .I number: [title, text]. */
    private static Map<Integer, String[]> records(Path file) throws IOException {
        Map<Integer, String[]> records = new LinkedHashMap<>();
        Integer id = null;
        String field = "";
        StringBuilder title = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(".I")) {
                if (id != null) {
                    records.put(id, new String[] {title.toString().trim(), text.toString().trim()});
                }
                id = Integer.parseInt(line.substring(2).trim());
                title.setLength(0);
                text.setLength(0);
                field = "";
            } else if (line.startsWith(".") && line.length() == 2) {
                field = line;
            } else if (field.equals(".T")) {
                title.append(line).append(' ');
            } else if (field.equals(".W")) {
                text.append(line).append(' ');
            }
        }
        if (id != null) {
            records.put(id, new String[] {title.toString().trim(), text.toString().trim()});
        }
        return records;
    }
}
