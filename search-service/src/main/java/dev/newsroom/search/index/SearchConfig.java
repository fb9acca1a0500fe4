package dev.newsroom.search.index;

import dev.newsroom.search.feed.FeedSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.search.* in application.yml (the defaults are there, each key described). */
@ConfigurationProperties("newsroom.search")
public record SearchConfig(
        String dataDir,
        int feedBatchSize,
        int feedQueueSize,
        Duration feedPollInterval,
        Duration commitInterval,
        Duration reconnectInitialBackoff,
        Duration reconnectMaxBackoff,
        Duration reindexIdle,
        int defaultPageSize,
        int maxPageSize,
        int maxQueryLength,
        int maxQueryClauses,
        float headlineBoost,
        float leadBoost,
        float allWordsBoost,
        float proximityBoost,
        int proximitySlop,
        float headlinePhraseBoost,
        int feedbackMinWords,
        int feedbackDocs,
        int feedbackTerms,
        float feedbackWeight,
        double feedbackMaxDocShare,
        float recencyWeight,
        Duration recencyHalfLife,
        String synonyms,
        int snippets,
        int snippetLength,
        int maxSuggestions,
        int maxRelated) {

    public FeedSettings feed() {
        return new FeedSettings(
                feedBatchSize,
                feedQueueSize,
                feedPollInterval,
                commitInterval,
                reconnectInitialBackoff,
                reconnectMaxBackoff);
    }
}
