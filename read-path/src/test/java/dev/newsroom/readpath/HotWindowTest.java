package dev.newsroom.readpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotWindowTest {

    private static final Instant QUARTER_PAST = Instant.parse("2026-11-28T10:15:00Z");

    @Test
    void oneHourWindowCountsTheCurrentHourAndThePartOfThePreviousStillInside() {
        List<HotWindow.Bucket> buckets = HotWindow.HOUR.buckets(QUARTER_PAST, 6);
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).epochHour()).isEqualTo(ReadPathKeys.epochHour(QUARTER_PAST));
        assertThat(buckets.get(0).viewWeight()).isEqualTo(1.0);
        assertThat(buckets.get(1).viewWeight()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void olderBucketsWeighLessByTheHalfLife() {
        List<HotWindow.Bucket> buckets =
                HotWindow.DAY.buckets(Instant.parse("2026-11-28T10:30:00Z"), 6);
        assertThat(buckets).hasSize(25);
        assertThat(buckets.get(24).viewWeight()).isCloseTo(0.5, within(1e-9));
        assertThat(buckets.get(0).rankWeight()).isCloseTo(1.0, within(1e-9));
        assertThat(buckets.get(6).rankWeight()).isCloseTo(0.5, within(1e-9));
        assertThat(buckets.get(12).rankWeight()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void windowsParseFromTheirLabels() {
        assertThat(HotWindow.parse("7d")).contains(HotWindow.WEEK);
        assertThat(HotWindow.parse("")).contains(HotWindow.DAY);
        assertThat(HotWindow.parse("2h")).isEmpty();
    }

    @Test
    void aStoryRecordCarriesItsVersionAndATombstoneHasNoPayload() {
        StoryRecord record = StoryRecord.decode(new StoryRecord(42, new byte[] {1, 2, 3}).encode());
        assertThat(record.version()).isEqualTo(42);
        assertThat(record.payload()).containsExactly(1, 2, 3);
        assertThat(StoryRecord.decode(StoryRecord.tombstone(7).encode()).isTombstone()).isTrue();
        assertThat(StoryRecord.decode("junk".getBytes())).isNull();
    }
}
