package dev.newsroom.readpath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ranking window over hourly view buckets and how much each bucket counts. A window of N
 * hours ending now spans N+1 buckets: the oldest only partly (its share still inside the
 * window). The ranking weight also decays with the bucket's age: {@code 0.5^(age/halfLife)}.
 */
public enum HotWindow {
    HOUR("1h", 1),
    DAY("24h", 24),
    WEEK("7d", 168);

    public static final HotWindow DEFAULT = DAY;

    private final String label;
    private final int hours;

    HotWindow(String label, int hours) {
        this.label = label;
        this.hours = hours;
    }

    public String label() {
        return label;
    }

    public int hours() {
        return hours;
    }

    /** "1h", "24h" or "7d"; empty gives {@link #DEFAULT}; anything else is empty. */
    public static Optional<HotWindow> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(DEFAULT);
        }
        for (HotWindow w : values()) {
            if (w.label.equals(text.strip())) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** One hourly bucket of this window: its hour, its share of views, its ranking weight. */
    public record Bucket(long epochHour, double viewWeight, double rankWeight) {}

    /** The buckets of this window at {@code now}, newest first. */
    public List<Bucket> buckets(Instant now, double halfLifeHours) {
        double nowHours = now.getEpochSecond() / 3600.0 + now.getNano() / 3.6e12;
        long current = ReadPathKeys.epochHour(now);
        double elapsed = nowHours - current;
        List<Bucket> buckets = new ArrayList<>(hours + 1);
        for (long h = current; h >= current - hours; h--) {
            double share = h == current - hours ? 1.0 - elapsed : 1.0;
            if (share <= 0) {
                continue;
            }
            double age = Math.max(0.0, nowHours - (h + 0.5));
            buckets.add(new Bucket(h, share, share * Math.pow(0.5, age / halfLifeHours)));
        }
        return buckets;
    }
}
