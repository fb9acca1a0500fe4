package dev.newsroom.comment.moderation;

/** One submission going through the pipeline; the story is looked up once, when a step needs it. */
public final class Review {
    private final Submission submission;
    private final StoryGate gate;
    private StoryState story;

    public Review(Submission submission, StoryGate gate) {
        this.submission = submission;
        this.gate = gate;
    }

    public Submission submission() {
        return submission;
    }

    public StoryState story() {
        if (story == null) {
            story = gate.state(submission.articleId());
        }
        return story;
    }
}
