package dev.newsroom.search.bench;

import dev.newsroom.proto.article.v1.Article;
import dev.newsroom.search.analysis.Analyzers;
import dev.newsroom.search.index.LiveIndex;
import dev.newsroom.search.index.SearchConfig;
import dev.newsroom.search.index.StoryCard;
import dev.newsroom.search.index.StoryDocument;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.support.ShippedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Cranfield relevance through the service's own code: each abstract becomes an English
 * story (title → headline, text → body) indexed by {@link StoryDocument}, each query runs
 * through {@link StorySearch#textQuery} (same analyzers, field boosts, BM25). Only the
 * default operator differs: "or", as these are long natural-language questions.
 */
public final class Cranfield {
    public record Result(int queries, double ndcg10, double map) {
    }

    public static Result run(Path dir) throws IOException {
        Map<Integer, String[]> docs = records(dir.resolve("cran.all.1400"));
        List<String> queries = new ArrayList<>();
        records(dir.resolve("cran.qry")).values().forEach(r -> queries.add(r[1]));
        Map<Integer, Set<Long>> relevant = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("cranqrel"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && Integer.parseInt(f[2]) >= 1) {
                relevant.computeIfAbsent(Integer.parseInt(f[0]), k -> new HashSet<>()).add(Long.parseLong(f[1]));
            }
        }
        SearchConfig config = ShippedConfig.search(Map.of("default-operator", "or"));
        StorySearch search = new StorySearch(config, Clock.systemUTC());
        try (ByteBuffersDirectory index = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(index, new IndexWriterConfig(Analyzers.forIndex()).setSimilarity(LiveIndex.SIMILARITY))) {
                for (Map.Entry<Integer, String[]> d : docs.entrySet()) {
                    writer.addDocument(StoryDocument.of(Article.newBuilder().setId(d.getKey()).setVersion(1).setLanguage("en")
                            .setSection("science").setHeadline(d.getValue()[0]).setBody(d.getValue()[1]).build()));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(index)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(LiveIndex.SIMILARITY);
                double ndcg = 0;
                double map = 0;
                int n = 0;
                for (int q = 1; q <= queries.size(); q++) {
                    Set<Long> rel = relevant.getOrDefault(q, Set.of());
                    if (rel.isEmpty()) {
                        continue;
                    }
                    ScoreDoc[] hits = searcher.search(search.textQuery(new StorySearch.Request(queries.get(q - 1), "", "en", null, null, false, false, 0, "")), 1000).scoreDocs;
                    List<Long> ranked = new ArrayList<>();
                    for (StoryCard card : StoryCard.shown(searcher, Arrays.stream(hits).mapToInt(h -> h.doc).toArray())) {
                        ranked.add(card.id());
                    }
                    ndcg += ndcg10(ranked, rel);
                    map += averagePrecision(ranked, rel);
                    n++;
                }
                return new Result(n, ndcg / n, map / n);
            }
        }
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
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant.size();
    }

    /** SMART records by .I number: [title, text]. */
    private static Map<Integer, String[]> records(Path file) throws IOException {
        Map<Integer, String[]> records = new java.util.LinkedHashMap<>();
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
