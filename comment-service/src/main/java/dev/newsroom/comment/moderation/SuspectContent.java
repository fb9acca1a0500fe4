package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentStatus;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step 5: a suspect word, or more links than allowed → PENDING, whatever the story's mode. */
public final class SuspectContent implements ModerationStep {
    private static final Pattern LINK =
            Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.)");

    private final WordList suspect;
    private final int maxLinks;

    public SuspectContent(WordList suspect, int maxLinks) {
        this.suspect = suspect;
        this.maxLinks = maxLinks;
    }

    @Override
    public Optional<Decision> apply(Review review) {
        Submission s = review.submission();
        if (suspect.firstMatch(s.body(), s.authorName()).isPresent()) {
            return Optional.of(new Decision(CommentStatus.PENDING, "suspect word"));
        }
        if (links(s.body()) > maxLinks) {
            return Optional.of(
                    new Decision(CommentStatus.PENDING, "more than " + maxLinks + " links"));
        }
        return Optional.empty();
    }

    static int links(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
