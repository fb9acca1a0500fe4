package dev.newsroom.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, read leniently: words, "phrases", -exclusions and OR between two
 * terms. There is no syntax error: an unclosed quote runs to the end, a lone '-' or a
 * leading/trailing OR is a plain word, and every other character is text for the analyzer
 * (which drops what is not a word). Long input is cut at {@code maxLength} characters and
 * {@code maxClauses} terms, so no query can grow past Lucene's clause limit.
 */
public record QueryText(List<Group> required, List<Term> excluded) {

    /** One word or phrase. */
    public record Term(String text, boolean phrase) {}

    /** Terms joined by OR: any one of them will do. */
    public record Group(List<Term> alternatives) {}

    /** The query as a reader would type it: words, "phrases", OR between alternatives, -exclusions. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Group group : required) {
            for (int i = 0; i < group.alternatives().size(); i++) {
                s.append(s.isEmpty() ? "" : i == 0 ? " " : " OR ")
                        .append(typed(group.alternatives().get(i)));
            }
        }
        for (Term term : excluded) {
            s.append(s.isEmpty() ? "-" : " -").append(typed(term));
        }
        return s.toString();
    }

    private static String typed(Term term) {
        return term.phrase() ? "\"" + term.text() + "\"" : term.text();
    }

    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    public static QueryText parse(String input, int maxLength, int maxClauses) {
        String text = input == null ? "" : input;
        if (text.length() > maxLength) {
            text = text.substring(0, maxLength);
        }
        List<Group> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        int clauses = 0;
        int i = 0;
        while (i < text.length() && clauses < maxClauses) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negate =
                    c == '-'
                            && i + 1 < text.length()
                            && !Character.isWhitespace(text.charAt(i + 1));
            int start = negate ? i + 1 : i;
            Term term;
            if (text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                int end = close < 0 ? text.length() : close;
                term = new Term(text.substring(start + 1, end), true);
                i = close < 0 ? text.length() : close + 1;
            } else {
                int end = start;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = new Term(text.substring(start, end), false);
                i = end;
            }
            if (term.text().isBlank()) {
                continue;
            }
            clauses++;
            if (negate) {
                excluded.add(term);
                orPending = false;
            } else if (!term.phrase()
                    && term.text().equals("OR")
                    && !required.isEmpty()
                    && !orPending) {
                orPending = true;
                clauses--;
            } else if (orPending) {
                required.get(required.size() - 1).alternatives().add(term);
                orPending = false;
            } else {
                List<Term> alternatives = new ArrayList<>();
                alternatives.add(term);
                required.add(new Group(alternatives));
            }
        }
        if (orPending) {
            // a trailing OR was a word after all
            List<Term> alternatives = new ArrayList<>();
            alternatives.add(new Term("OR", false));
            required.add(new Group(alternatives));
        }
        return new QueryText(required, excluded);
    }
}
