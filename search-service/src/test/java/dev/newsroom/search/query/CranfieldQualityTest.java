package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.search.bench.Cranfield;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fast part of bench/search in CI: relevance must not fall below plain BM25 on Cranfield. */
class CranfieldQualityTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "cranfield");

    @Test
    void rankingIsAtLeastAsGoodAsPlainBm25OnCranfield() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA), DATA + " is absent: Cranfield quality check skipped");
        Cranfield.Result result = Cranfield.run(DATA);
        assertThat(result.ndcg10()).isGreaterThanOrEqualTo(0.38);
        assertThat(result.map()).isGreaterThanOrEqualTo(0.30);
    }
}
