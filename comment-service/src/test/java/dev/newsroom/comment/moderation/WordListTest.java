package dev.newsroom.comment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordListTest {
    private final WordList list =
            new WordList(List.of("spam", "crypto giveaway", "نفرت‌انگیز", " "));

    @Test
    void matchesWholeWordsOnly() {
        assertThat(list.firstMatch("This is SPAM!")).contains("spam");
        assertThat(list.firstMatch("a spammer and antispam")).isEmpty();
    }

    @Test
    void matchesPhrasesWordByWord() {
        assertThat(list.firstMatch("Join the Crypto   Giveaway today")).contains("crypto giveaway");
        assertThat(list.firstMatch("crypto and a giveaway")).isEmpty();
    }

    @Test
    void matchesPersianWhateverTheSpelling() {
        assertThat(list.firstMatch("این نفرت انگيز است")).isPresent(); // space, Arabic ye
        assertThat(list.firstMatch("این نفرت‌انگیز است")).isPresent(); // ZWNJ
        assertThat(list.firstMatch("این نَفرت‌انگیز است")).isPresent(); // diacritic
    }

    @Test
    void looksAtEveryTextGiven() {
        assertThat(list.firstMatch("harmless", "Mr Spam")).contains("spam");
        assertThat(new WordList(List.of()).firstMatch("anything")).isEmpty();
    }
}
