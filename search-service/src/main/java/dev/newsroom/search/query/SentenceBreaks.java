package dev.newsroom.search.query;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by a linear scan: after a sentence end (. ! ? and
 * the Arabic-script ؟ ۔, or …) and the spaces that follow it, or after a line break. A period
 * followed by a lower-case letter ("e.g. this", "3.5 m") is not an end.
 *
 * <p>The JDK's sentence iterator moves backwards by re-running its rules forwards from a safe
 * point, which made it most of the cost of a search answer (see docs/search.md); the
 * highlighter asks for the boundaries around every match, backwards and forwards.
 */
final class SentenceBreaks extends BreakIterator {
    private String text = "";
    private CharacterIterator iterator = new StringCharacterIterator("");
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        iterator = new StringCharacterIterator(newText);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return iterator;
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        return current >= text.length() ? DONE : following(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (; n > 0 && result != DONE; n--) {
            result = next();
        }
        for (; n < 0 && result != DONE; n++) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return current <= 0 ? DONE : preceding(current);
    }

    @Override
    public int following(int offset) {
        int i = offset + 1;
        while (i < text.length() && !isBoundary(i)) {
            i++;
        }
        return current = Math.min(i, text.length());
    }

    @Override
    public int preceding(int offset) {
        int i = offset - 1;
        while (i > 0 && !isBoundary(i)) {
            i--;
        }
        return current = Math.max(i, 0);
    }

    @Override
    public boolean isBoundary(int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return offset == 0 || offset == text.length();
        }
        if (!Character.isWhitespace(text.charAt(offset - 1))
                || Character.isWhitespace(text.charAt(offset))) {
            return false;
        }
        int end = offset - 1;
        boolean lineBreak = false;
        while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
            lineBreak |= text.charAt(end) == '\n';
            end--;
        }
        if (lineBreak) {
            return true;
        }
        if (end < 0) {
            return false;
        }
        char last = text.charAt(end);
        return switch (last) {
            case '!', '?', '\u061F', '\u06D4', '\u2026' -> true;
            case '.' -> !Character.isLowerCase(text.charAt(offset));
            default -> false;
        };
    }
}
