package dev.newsroom.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.search.query.StoryHit;
import dev.newsroom.search.query.StorySearch;
import dev.newsroom.search.support.MemoryStories;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersianAndEnglishAnalysisTest {

    @Test
    void arabicFormLettersAreFoundByPersianLettersAndTheReverse() throws Exception {
        MemoryStories stories = new MemoryStories();
        // written with Arabic yeh and kaf: ي ك
        long arabicForms =
                stories.add("fa", "economy", "بانك مركزي", "گزارش بانك مركزي درباره تورم");
        // written with Persian yeh and keheh: ی ک
        long persianForms =
                stories.add("fa", "economy", "کتابخانه ملی", "کتابخانه ملی ایران بازگشایی شد");

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
        long id =
                stories.add(
                        "en",
                        "world",
                        "Ministers negotiated new tariffs",
                        "The talks were running late.");
        assertThat(stories.ids("minister negotiating tariff")).containsExactly(id);
        assertThat(stories.ids("runs")).containsExactly(id);
    }

    @Test
    void aLatinWordInAPersianStoryIsFoundWithoutALanguageFilter() throws Exception {
        MemoryStories stories = new MemoryStories();
        long persian =
                stories.add(
                        "fa",
                        "world",
                        "نشست سران NATO در ورشو",
                        "وزیران خارجه عضو NATO گفت‌وگو کردند");
        long english =
                stories.add(
                        "en", "politics", "NATO summit opens in Warsaw", "Foreign ministers met.");
        stories.add("fa", "world", "نشست سران در ورشو", "بدون نام");

        StorySearchResult all = StorySearchResult.of(stories.search("NATO", ""));
        assertThat(all.ids()).containsExactlyInAnyOrder(persian, english);
        assertThat(all.result().totalHits()).isEqualTo(2);
        assertThat(all.result().facets()).containsEntry("world", 1L).containsEntry("politics", 1L);
        assertThat(StorySearchResult.of(stories.search("nato", "fa")).ids())
                .containsExactly(persian);
        assertThat(
                        all.result().hits().stream()
                                .filter(h -> h.id() == persian)
                                .findFirst()
                                .orElseThrow()
                                .headlineMarked())
                .contains("<mark>NATO</mark>");
    }

    @Test
    void aPersianWordInAnEnglishStoryIsFoundInEitherLetterForm() throws Exception {
        MemoryStories stories = new MemoryStories();
        long english =
                stories.add(
                        "en",
                        "culture",
                        "A poem",
                        "The line reads: کتابخانه ملی, the national library.");
        long persian = stories.add("fa", "culture", "کتابخانه ملی", "کتابخانه ملی ایران");
        // Arabic yeh typed: folded in the English story's text as in the Persian one
        assertThat(stories.ids("ملي")).containsExactlyInAnyOrder(english, persian);
        assertThat(stories.ids("کتابخانه")).containsExactlyInAnyOrder(english, persian);
    }

    @Test
    void kashidaAndDiacriticsAreIgnored() throws Exception {
        MemoryStories stories = new MemoryStories();
        long kashida = stories.add("fa", "economy", "بـــانک مرکـــزی", "گزارش تـورم");
        long diacritics = stories.add("fa", "culture", "کِتابِ تازه", "نویسنده‌ی جوان");
        long arabic =
                stories.add("ar", "world", "الْمَكْتَبَةُ الْوَطَنِيَّةُ", "افتتاح الْمَكْتَبَة");
        assertThat(stories.ids("بانک مرکزی")).containsExactly(kashida);
        assertThat(stories.ids("تورم")).containsExactly(kashida);
        assertThat(stories.ids("کتاب")).containsExactly(diacritics);
        assertThat(stories.ids("المكتبة")).containsExactly(arabic);
        assertThat(stories.ids("مكتبة")).containsExactly(arabic);
    }

    @Test
    void persianPluralsAndSuffixesFindTheirStem() throws Exception {
        MemoryStories stories = new MemoryStories();
        long plural = stories.add("fa", "culture", "کتاب‌ها", "نمایشگاه");
        long joined = stories.add("fa", "culture", "کتابها", "بازار");
        long single = stories.add("fa", "culture", "کتاب", "فروش");
        assertThat(stories.ids("کتاب")).containsExactlyInAnyOrder(plural, joined, single);
        assertThat(stories.ids("کتاب‌ها")).containsExactlyInAnyOrder(plural, joined, single);
    }

    @Test
    void scriptOfTheQueryPicksTheLanguagesSearched() {
        assertThat(Languages.forScriptOf("بانک")).containsExactly("fa", "ar", "std");
        assertThat(Languages.forScriptOf("bank")).containsExactly("en", "tr", "std");
        assertThat(Languages.of("fa-IR")).isEqualTo("fa");
        assertThat(Languages.of("de")).isEqualTo("std");
    }

    private record StorySearchResult(StorySearch.Result result, List<Long> ids) {
        static StorySearchResult of(StorySearch.Result r) {
            return new StorySearchResult(r, r.hits().stream().map(StoryHit::id).toList());
        }
    }
}
