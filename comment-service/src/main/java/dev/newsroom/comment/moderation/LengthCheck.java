package dev.newsroom.comment.moderation;

import dev.newsroom.comment.domain.CommentException;
import dev.newsroom.comment.domain.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Step 1: body, author name and e-mail within their limits (after cleaning). */
public final class LengthCheck implements ModerationStep {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final int maxBody;
    private final int maxAuthorName;
    private final int maxEmail;

    public LengthCheck(int maxBody, int maxAuthorName, int maxEmail) {
        this.maxBody = maxBody;
        this.maxAuthorName = maxAuthorName;
        this.maxEmail = maxEmail;
    }

    @Override
    public Optional<Decision> apply(Review review) {
        Submission s = review.submission();
        List<CommentException.Invalid.Violation> violations = new ArrayList<>();
        int body = PlainText.length(s.body());
        if (body == 0) {
            violations.add(new CommentException.Invalid.Violation("body", "must not be empty"));
        } else if (body > maxBody) {
            violations.add(
                    new CommentException.Invalid.Violation(
                            "body", "must be at most " + maxBody + " characters"));
        }
        int name = PlainText.length(s.authorName());
        if (name == 0) {
            violations.add(
                    new CommentException.Invalid.Violation("authorName", "must not be empty"));
        } else if (name > maxAuthorName) {
            violations.add(
                    new CommentException.Invalid.Violation(
                            "authorName", "must be at most " + maxAuthorName + " characters"));
        }
        if (!s.email().isEmpty()
                && (s.email().length() > maxEmail || !EMAIL.matcher(s.email()).matches())) {
            violations.add(
                    new CommentException.Invalid.Violation("email", "is not an e-mail address"));
        }
        if (!violations.isEmpty()) {
            String message = violations.get(0).field() + " " + violations.get(0).description();
            throw new CommentException.Invalid(message, violations);
        }
        return Optional.empty();
    }
}
