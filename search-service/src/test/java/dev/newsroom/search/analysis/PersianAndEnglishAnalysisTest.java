package dev.newsroom.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.search.support.MemoryStories;
import org.junit.jupiter.api.Test;

class PersianAndEnglishAnalysisTest {

    @Test
    void arabicFormLettersAreFoundByPersianLettersAndTheReverse() throws Exception {
        MemoryStories stories = new MemoryStories();
        // written with Arabic yeh and kaf: ي ك
        long arabicForms = stories.add("fa", "economy", "بانك مركزي", "گزارش بانك مركزي درباره تورم");
        // written with Persian yeh and keheh: ی ک
        long persianForms = stories.add("fa", "economy", "کتابخانه ملی", "کتابخانه ملی ایران بازگشایی شد");

        assertThat(stories.ids("بانک مرکزی")).containsExactly(arabicForms);
        assertThat(stories.ids("كتابخانه ملي")).containsExactly(persianForms);
    }

    @Test
    void zwnjSpaceAndJoinedSpellingsFindEachOther() throws Exception {
        MemoryStories stories = new MemoryStories();
        long withZwnj = stories.add("fa", "culture", "کتاب‌ها", "نمایشگاه کتاب‌ها");
        long joined = stories.add("fa", "culture", "دانشگاهها", "دانشگاهها باز شدند");
        long spaced = stories.add("fa", "culture", "خانه ها", "خانه ها ارزان شد");

        assertThat(stories.ids("کتابها")).containsExactly(withZwnj);
        assertThat(stories.ids("کتاب ها")).contains(withZwnj);
        assertThat(stories.ids("دانشگاه‌ها")).containsExactly(joined);
        assertThat(stories.ids("خانه‌ها")).containsExactly(spaced);
    }

    @Test
    void persianAndArabicDigitsMatchAsciiDigits() throws Exception {
        MemoryStories stories = new MemoryStories();
        long id = stories.add("fa", "sport", "مسابقه ۱۴۰۳", "نتایج سال ۱۴۰۳");
        assertThat(stories.ids("1403")).containsExactly(id);
        assertThat(stories.ids("١٤٠٣")).containsExactly(id);
    }

    @Test
    void englishWordsMatchTheirInflections() throws Exception {
        MemoryStories stories = new MemoryStories();
        long id = stories.add("en", "world", "Ministers negotiated new tariffs", "The talks were running late.");
        assertThat(stories.ids("minister negotiating tariff")).containsExactly(id);
        assertThat(stories.ids("runs")).containsExactly(id);
    }

    @Test
    void scriptOfTheQueryPicksTheLanguagesSearched() {
        assertThat(Languages.forScriptOf("بانک")).containsExactly("fa", "ar", "std");
        assertThat(Languages.forScriptOf("bank")).containsExactly("en", "tr", "std");
        assertThat(Languages.of("fa-IR")).isEqualTo("fa");
        assertThat(Languages.of("de")).isEqualTo("std");
    }
}
