package dev.newsroom.gateway.openapi;

/** An operation's one-line summary: the first sentence of the RPC's comment, else its name in words. */
final class Summaries {

    private Summaries() {}

    static String firstSentence(String comment, String rpcName) {
        if (comment.isBlank()) return words(rpcName);
        String paragraph = comment.split("\n\\s*\n", 2)[0].replaceAll("\\s*\n\\s*", " ").strip();
        int end = paragraph.length();
        for (int i = 0; i < paragraph.length() - 1; i++) {
            char c = paragraph.charAt(i);
            if (c == '.' && paragraph.charAt(i + 1) == ' ') {
                end = i;
                break;
            }
        }
        String sentence = paragraph.substring(0, end);
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** {@code MarkCommentSpam} → {@code Mark comment spam}. */
    static String words(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
