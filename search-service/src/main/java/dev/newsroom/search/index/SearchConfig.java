package dev.newsroom.search.index;

import dev.newsroom.search.feed.FeedSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** newsroom.search.* in application.yml. */
@ConfigurationProperties("newsroom.search")
public class SearchConfig {
    private String dataDir = "./data/search";
    private String articleServiceAddress = "localhost:9091";
    private int feedBatchSize = 500;
    private int feedQueueSize = 2000;
    private Duration feedPollInterval = Duration.ofMillis(200);
    private Duration commitInterval = Duration.ofSeconds(1);
    private Duration reconnectInitialBackoff = Duration.ofMillis(200);
    private Duration reconnectMaxBackoff = Duration.ofSeconds(10);
    private Duration reindexIdle = Duration.ofSeconds(1);
    private int defaultPageSize = 20;
    private int maxPageSize = 100;
    private int maxQueryLength = 1000;
    private int maxQueryClauses = 32;
    private float headlineBoost = 1.25f;
    private float leadBoost = 1.5f;
    private float allWordsBoost = 1000f;
    private float proximityBoost = 0.2f;
    private int proximitySlop = 8;
    private float headlinePhraseBoost = 2f;
    private int feedbackMinWords = 3;
    private int feedbackDocs = 10;
    private int feedbackTerms = 10;
    private float feedbackWeight = 1f;
    private double feedbackMaxDocShare = 0.1;
    private float recencyWeight = 1.0f;
    private Duration recencyHalfLife = Duration.ofDays(7);
    private String synonyms = "classpath:synonyms";
    private int snippets = 2;
    private int snippetLength = 160;
    private int maxSuggestions = 10;
    private int maxRelated = 5;

    public FeedSettings feed() {
        return new FeedSettings(feedBatchSize, feedQueueSize, feedPollInterval, commitInterval,
                reconnectInitialBackoff, reconnectMaxBackoff);
    }

    public String getDataDir() { return dataDir; }
    public void setDataDir(String v) { dataDir = v; }
    public String getArticleServiceAddress() { return articleServiceAddress; }
    public void setArticleServiceAddress(String v) { articleServiceAddress = v; }
    public int getFeedBatchSize() { return feedBatchSize; }
    public void setFeedBatchSize(int v) { feedBatchSize = v; }
    public int getFeedQueueSize() { return feedQueueSize; }
    public void setFeedQueueSize(int v) { feedQueueSize = v; }
    public Duration getFeedPollInterval() { return feedPollInterval; }
    public void setFeedPollInterval(Duration v) { feedPollInterval = v; }
    public Duration getCommitInterval() { return commitInterval; }
    public void setCommitInterval(Duration v) { commitInterval = v; }
    public Duration getReconnectInitialBackoff() { return reconnectInitialBackoff; }
    public void setReconnectInitialBackoff(Duration v) { reconnectInitialBackoff = v; }
    public Duration getReconnectMaxBackoff() { return reconnectMaxBackoff; }
    public void setReconnectMaxBackoff(Duration v) { reconnectMaxBackoff = v; }
    public Duration getReindexIdle() { return reindexIdle; }
    public void setReindexIdle(Duration v) { reindexIdle = v; }
    public int getDefaultPageSize() { return defaultPageSize; }
    public void setDefaultPageSize(int v) { defaultPageSize = v; }
    public int getMaxPageSize() { return maxPageSize; }
    public void setMaxPageSize(int v) { maxPageSize = v; }
    public int getMaxQueryLength() { return maxQueryLength; }
    public void setMaxQueryLength(int v) { maxQueryLength = v; }
    public int getMaxQueryClauses() { return maxQueryClauses; }
    public void setMaxQueryClauses(int v) { maxQueryClauses = v; }
    public float getHeadlineBoost() { return headlineBoost; }
    public void setHeadlineBoost(float v) { headlineBoost = v; }
    public float getLeadBoost() { return leadBoost; }
    public void setLeadBoost(float v) { leadBoost = v; }
    public float getAllWordsBoost() { return allWordsBoost; }
    public void setAllWordsBoost(float v) { allWordsBoost = v; }
    public float getProximityBoost() { return proximityBoost; }
    public void setProximityBoost(float v) { proximityBoost = v; }
    public int getProximitySlop() { return proximitySlop; }
    public void setProximitySlop(int v) { proximitySlop = v; }
    public float getHeadlinePhraseBoost() { return headlinePhraseBoost; }
    public void setHeadlinePhraseBoost(float v) { headlinePhraseBoost = v; }
    public int getFeedbackMinWords() { return feedbackMinWords; }
    public void setFeedbackMinWords(int v) { feedbackMinWords = v; }
    public int getFeedbackDocs() { return feedbackDocs; }
    public void setFeedbackDocs(int v) { feedbackDocs = v; }
    public int getFeedbackTerms() { return feedbackTerms; }
    public void setFeedbackTerms(int v) { feedbackTerms = v; }
    public float getFeedbackWeight() { return feedbackWeight; }
    public void setFeedbackWeight(float v) { feedbackWeight = v; }
    public double getFeedbackMaxDocShare() { return feedbackMaxDocShare; }
    public void setFeedbackMaxDocShare(double v) { feedbackMaxDocShare = v; }
    public float getRecencyWeight() { return recencyWeight; }
    public void setRecencyWeight(float v) { recencyWeight = v; }
    public Duration getRecencyHalfLife() { return recencyHalfLife; }
    public void setRecencyHalfLife(Duration v) { recencyHalfLife = v; }
    public String getSynonyms() { return synonyms; }
    public void setSynonyms(String v) { synonyms = v; }
    public int getSnippets() { return snippets; }
    public void setSnippets(int v) { snippets = v; }
    public int getSnippetLength() { return snippetLength; }
    public void setSnippetLength(int v) { snippetLength = v; }
    public int getMaxSuggestions() { return maxSuggestions; }
    public void setMaxSuggestions(int v) { maxSuggestions = v; }
    public int getMaxRelated() { return maxRelated; }
    public void setMaxRelated(int v) { maxRelated = v; }
}
