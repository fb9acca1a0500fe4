package dev.newsroom.article.domain;

/** What an editorial change did; each change is one revision and one feed event. */
public enum Change {
    CREATE("create"),
    UPDATE("update"),
    SCHEDULE("schedule"),
    PUBLISH("publish"),
    UNPUBLISH("unpublish"),
    WITHDRAW("withdraw");

    private final String label;

    Change(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Change fromLabel(String label) {
        for (Change c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown change " + label);
    }
}
