package dev.newsroom.comment.domain;

import java.time.Duration;
import java.util.List;

/** Domain failures; the api package maps each to a gRPC status (GrpcErrors). */
public abstract class CommentException extends RuntimeException {
    protected CommentException(String message) {
        super(message);
    }

    /** Input that breaks a rule; one violation per field. */
    public static final class Invalid extends CommentException {
        public record Violation(String field, String description) {}

        private final List<Violation> violations;

        public Invalid(String message, List<Violation> violations) {
            super(message);
            this.violations = List.copyOf(violations);
        }

        public static Invalid of(String field, String description) {
            return new Invalid(
                    field + " " + description, List.of(new Violation(field, description)));
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    public static final class NotFound extends CommentException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The story takes no comments now. */
    public static final class Closed extends CommentException {
        public Closed(String message) {
            super(message);
        }
    }

    /** The same client posted the same text a moment ago. */
    public static final class Duplicate extends CommentException {
        public Duplicate(String message) {
            super(message);
        }
    }

    /** Too many posts; try again after {@code retryAfter}. */
    public static final class RateLimited extends CommentException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A dependency (article-service) cannot answer and nothing cached can stand in. */
    public static final class Unavailable extends CommentException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
