package dev.newsroom.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.newsroom.search.support.MemoryStories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Did you mean" over the sample stories, and the shipped synonym examples. */
class DidYouMeanAndSynonymsTest {
    private static final Path SAMPLES = Path.of("..", "docs", "samples", "stories.json");
    private static MemoryStories samples;
    private static final Set<String> SAMPLE_WORDS = new HashSet<>();

    @BeforeAll
    static void indexTheSamples() throws Exception {
        samples = new MemoryStories();
        for (JsonElement e :
                JsonParser.parseString(Files.readString(SAMPLES, StandardCharsets.UTF_8))
                        .getAsJsonArray()) {
            JsonObject s = e.getAsJsonObject();
            String text =
                    s.get("headline").getAsString()
                            + " "
                            + s.get("lead").getAsString()
                            + " "
                            + s.get("body").getAsString();
            samples.add(
                    s.get("language").getAsString(),
                    s.get("section").getAsString(),
                    s.get("headline").getAsString(),
                    s.get("lead").getAsString() + " " + s.get("body").getAsString());
            SAMPLE_WORDS.addAll(
                    Arrays.asList(
                            text.replaceAll("<[^>]+>", " ")
                                    .toLowerCase(Locale.ROOT)
                                    .split("[^\\p{L}\\p{M}\\p{N}\u200C]+")));
        }
    }

    @Test
    void aMisspeltEnglishWordIsCorrectedToAWordOfTheStories() throws Exception {
        StorySearch.Result r = samples.search("Caspain", "");
        assertThat(r.totalHits()).isZero();
        assertThat(r.suggestion()).isEqualTo("caspian");
        assertThat(samples.search(r.suggestion(), "").totalHits()).isPositive();
        // the other words stay as typed; only the unknown one changes
        assertThat(samples.search("sturgeon Caspain", "").suggestion())
                .isEqualTo("sturgeon caspian");
    }

    @Test
    void aMisspeltPersianWordIsCorrectedToAWordOfTheStories() throws Exception {
        StorySearch.Result r = samples.search("تهرن", ""); // تهران without its alef
        assertThat(r.totalHits()).isZero();
        assertThat(r.suggestion()).isEqualTo("تهران");
        assertThat(samples.search(r.suggestion(), "").totalHits()).isPositive();
    }

    @Test
    void knownWordsAndNonsenseGetNoSuggestion() throws Exception {
        assertThat(samples.search("Caspian sturgeon", "").suggestion()).isEmpty();
        assertThat(samples.search("تهران", "").suggestion()).isEmpty();
        assertThat(samples.search("qzxvkwj", "").suggestion()).isEmpty();
        assertThat(samples.search("\"Caspain Sea\"", "").suggestion()).isEmpty();
    }

    @Test
    void everySuggestedWordIsAWordOfTheStories() throws Exception {
        for (String typed :
                new String[] {
                    "marathn",
                    "inflaton",
                    "Tehrn schools",
                    "صادرت",
                    "بورص",
                    "futsall",
                    "asterod orbit"
                }) {
            String suggestion = samples.search(typed, "").suggestion();
            for (String word : suggestion.split(" ")) {
                if (!word.isEmpty()) {
                    assertThat(SAMPLE_WORDS).as("suggested for " + typed).contains(word);
                }
            }
        }
    }

    @Test
    void shippedSynonymsFindEachOther() throws Exception {
        MemoryStories stories = new MemoryStories();
        long automobiles =
                stories.add("en", "economy", "Electric automobiles sell faster", "Sales rose.");
        long movie = stories.add("en", "culture", "A movie about the sea", "Shot in the Caspian.");
        long computer = stories.add("fa", "science", "کامپیوتر تازه", "ساخت داخل");
        assertThat(stories.ids("cars")).containsExactly(automobiles);
        assertThat(stories.ids("film")).containsExactly(movie);
        assertThat(stories.ids("رایانه")).containsExactly(computer);
    }
}
