package dev.newsroom.comment.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The automatic checks every new comment passes, in a fixed order: length → story open →
 * repeat post → banned words → suspect words / links → the story's mode. The first step
 * that decides wins; a step that throws refuses the post.
 */
public final class ModerationPipeline {
    private final List<ModerationStep> steps;

    public ModerationPipeline(List<ModerationStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public static ModerationPipeline standard(
            ModerationConfig config, RecentPosts recent, Clock clock) {
        return new ModerationPipeline(
                List.of(
                        new LengthCheck(
                                config.maxBody(), config.maxAuthorName(), config.maxEmail()),
                        new StoryOpenCheck(),
                        new RepeatCheck(recent, config.repeatWindow(), clock),
                        new BannedWords(new WordList(config.bannedWords())),
                        new SuspectContent(new WordList(config.suspectWords()), config.maxLinks()),
                        new StoryMode()));
    }

    public Decision decide(Submission submission, StoryGate gate) {
        Review review = new Review(submission, gate);
        for (ModerationStep step : steps) {
            Optional<Decision> decision = step.apply(review);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        throw new IllegalStateException("the pipeline must end with a deciding step");
    }
}
