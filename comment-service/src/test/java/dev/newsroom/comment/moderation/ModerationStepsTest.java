package dev.newsroom.comment.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.comment.domain.CommentSettings;
import dev.newsroom.comment.domain.CommentStatus;
import dev.newsroom.comment.domain.ModerationMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each pipeline step on plain inputs, then the order they run in. */
class ModerationStepsTest {
    private static final StoryGate OPEN_PRE =
            id -> new StoryState(true, new CommentSettings(id, true, ModerationMode.PRE));
    private static final StoryGate OPEN_POST =
            id -> new StoryState(true, new CommentSettings(id, true, ModerationMode.POST));

    private static Review review(String body) {
        return review("Sara", "", body, OPEN_PRE);
    }

    private static Review review(String name, String email, String body, StoryGate gate) {
        return new Review(new Submission(7, 0, name, email, body, "client-1"), gate);
    }

    @Test
    void lengthCheckRefusesEmptyAndOverlongFields() {
        LengthCheck check = new LengthCheck(10, 5, 30);
        assertThat(check.apply(review("1234567890"))).isEmpty();
        assertThat(check.apply(review("Sara", "s@example.org", "ok", OPEN_PRE))).isEmpty();
        assertThatThrownBy(() -> check.apply(review("")))
                .isInstanceOf(CommentException.Invalid.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> check.apply(review("12345678901")))
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> check.apply(review("Sara Ahmadi", "", "ok", OPEN_PRE)))
                .hasMessageContaining("authorName");
        assertThatThrownBy(() -> check.apply(review("Sara", "nope", "ok", OPEN_PRE)))
                .hasMessageContaining("email");
    }

    @Test
    void storyOpenCheckWantsAPublishedOpenStory() {
        StoryOpenCheck check = new StoryOpenCheck();
        assertThat(check.apply(review("hi"))).isEmpty();
        assertThatThrownBy(
                        () ->
                                check.apply(
                                        review(
                                                "S",
                                                "",
                                                "hi",
                                                id ->
                                                        new StoryState(
                                                                false,
                                                                new CommentSettings(
                                                                        id,
                                                                        true,
                                                                        ModerationMode.PRE)))))
                .isInstanceOf(CommentException.NotFound.class);
        assertThatThrownBy(
                        () ->
                                check.apply(
                                        review(
                                                "S",
                                                "",
                                                "hi",
                                                id ->
                                                        new StoryState(
                                                                true,
                                                                new CommentSettings(
                                                                        id,
                                                                        false,
                                                                        ModerationMode.PRE)))))
                .isInstanceOf(CommentException.Closed.class);
    }

    @Test
    void repeatCheckRefusesTheSameFoldedTextFromTheSameClientWithinTheWindow() {
        Instant now = Instant.parse("2025-01-01T12:00:00Z");
        List<String> seen = new ArrayList<>();
        List<Instant> since = new ArrayList<>();
        RecentPosts recent =
                (client, key, from) -> {
                    since.add(from);
                    return seen.contains(client + key);
                };
        RepeatCheck check =
                new RepeatCheck(recent, Duration.ofMinutes(6), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(check.apply(review("Hello there"))).isEmpty();
        assertThat(since).containsExactly(now.minus(Duration.ofMinutes(6)));
        seen.add("client-1" + RepeatCheck.textKey("hello  THERE!"));
        assertThatThrownBy(() -> check.apply(review("Hello there")))
                .isInstanceOf(CommentException.Duplicate.class);
        assertThat(RepeatCheck.textKey("a b")).isNotEqualTo(RepeatCheck.textKey("a c"));
    }

    @Test
    void bannedWordsReject() {
        BannedWords step = new BannedWords(new WordList(List.of("idiot")));
        assertThat(step.apply(review("You IDIOT.")))
                .contains(new Decision(CommentStatus.REJECTED, "banned word"));
        assertThat(step.apply(review("S", "", "fine", OPEN_PRE)).isEmpty()).isTrue();
        assertThat(step.apply(review("idiot", "", "fine", OPEN_PRE))).isPresent();
    }

    @Test
    void suspectWordsAndTooManyLinksHoldForAModerator() {
        SuspectContent step = new SuspectContent(new WordList(List.of("casino")), 2);
        assertThat(step.apply(review("best Casino")))
                .contains(new Decision(CommentStatus.PENDING, "suspect word"));
        assertThat(step.apply(review("see https://a.io and www.b.io"))).isEmpty();
        assertThat(step.apply(review("see https://a.io and www.b.io and ftp://c.io")))
                .contains(new Decision(CommentStatus.PENDING, "more than 2 links"));
    }

    @Test
    void storyModeDecidesLast() {
        StoryMode step = new StoryMode();
        assertThat(step.apply(review("S", "", "hi", OPEN_PRE)).map(Decision::status))
                .contains(CommentStatus.PENDING);
        assertThat(step.apply(review("S", "", "hi", OPEN_POST)).map(Decision::status))
                .contains(CommentStatus.APPROVED);
    }

    @Test
    void theStandardPipelineRunsTheStepsInTheFixedOrder() {
        ModerationConfig config = config(List.of("banned"), List.of("suspect"));
        Clock clock = Clock.systemUTC();
        ModerationPipeline pipeline =
                ModerationPipeline.standard(
                        config, (c, k, s) -> k.equals(RepeatCheck.textKey("again")), clock);
        StoryGate closed =
                id -> new StoryState(true, new CommentSettings(id, false, ModerationMode.POST));

        // length before the story: an empty body on a closed story is a 400, not a 409
        assertThatThrownBy(() -> pipeline.decide(sub(""), closed))
                .isInstanceOf(CommentException.Invalid.class);
        // story before repeat
        assertThatThrownBy(() -> pipeline.decide(sub("again"), closed))
                .isInstanceOf(CommentException.Closed.class);
        // repeat before banned words
        assertThatThrownBy(() -> pipeline.decide(sub("again"), OPEN_POST))
                .isInstanceOf(CommentException.Duplicate.class);
        // banned before suspect
        assertThat(pipeline.decide(sub("banned suspect"), OPEN_POST).status())
                .isEqualTo(CommentStatus.REJECTED);
        // suspect before the mode
        assertThat(pipeline.decide(sub("suspect"), OPEN_POST).status())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(pipeline.decide(sub("fine"), OPEN_POST).status())
                .isEqualTo(CommentStatus.APPROVED);
        assertThat(pipeline.decide(sub("fine"), OPEN_PRE).status())
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void theStoryIsLookedUpOnceAndOnlyWhenNeeded() {
        int[] lookups = {0};
        StoryGate counting =
                id -> {
                    lookups[0]++;
                    return OPEN_PRE.state(id);
                };
        ModerationPipeline pipeline =
                ModerationPipeline.standard(
                        config(List.of(), List.of()), (c, k, s) -> false, Clock.systemUTC());
        assertThatThrownBy(() -> pipeline.decide(sub(""), counting))
                .isInstanceOf(CommentException.Invalid.class);
        assertThat(lookups[0]).isZero();
        pipeline.decide(sub("hello"), counting);
        assertThat(lookups[0]).isEqualTo(1);
        assertThat(Optional.of(lookups[0])).contains(1);
    }

    private static Submission sub(String body) {
        return new Submission(7, 0, "Sara", "", body, "client-1");
    }

    /** The shipped limits (application.yml) with the given word lists. */
    private static ModerationConfig config(List<String> banned, List<String> suspect) {
        return new ModerationConfig(
                2000,
                100,
                254,
                Duration.ofMinutes(6),
                banned,
                suspect,
                2,
                ModerationMode.PRE,
                null);
    }
}
