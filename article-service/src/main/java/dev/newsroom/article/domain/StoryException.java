package dev.newsroom.article.domain;

import java.util.List;

/** Why an editorial request was refused. The api layer maps each kind to a gRPC status. */
public abstract sealed class StoryException extends RuntimeException {

    protected StoryException(String message) {
        super(message, null, false, false);
    }

    /** One invalid field and what is wrong with it. */
    public record Violation(String field, String description) {}

    /** The request breaks a field rule. */
    public static final class Invalid extends StoryException {
        private final List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super(violations.get(0).field() + " " + violations.get(0).description());
            this.violations = List.copyOf(violations);
        }

        public static Invalid of(String field, String description) {
            return new Invalid(List.of(new Violation(field, description)));
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** No such story, or one the caller may not see. */
    public static final class NotFound extends StoryException {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** Optimistic concurrency: the caller edited an older version. */
    public static final class StaleVersion extends StoryException {
        public StaleVersion(long expected, long actual) {
            super(
                    "the story is at version "
                            + actual
                            + ", not "
                            + expected
                            + "; reload it and apply your change again");
        }
    }

    /** The life cycle does not allow this change from the current status. */
    public static final class IllegalTransition extends StoryException {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** The caller's role does not allow this. */
    public static final class Forbidden extends StoryException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** Another story already has this slug. */
    public static final class SlugTaken extends StoryException {
        public SlugTaken(String slug) {
            super("slug '" + slug + "' is already used by another story");
        }
    }
}
