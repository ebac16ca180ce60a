package kit.grader.report;

import java.util.regex.Pattern;

/** Text made safe for an HTML page, and the little Markdown the book's captions use. */
final class Html {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*([^*\\s][^*]*?)\\*(?![*\\w])");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\([^)]*\\)");

    private Html() {
    }

    /** {@code text} as HTML text or attribute value: every markup character escaped. */
    static String text(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * A line of the book's Markdown as HTML: {@code `code`}, {@code **bold**} and {@code *italics*} kept, a link
     * reduced to its text (its target is relative to the book, not to the page); everything else
     * escaped.
     */
    static String inline(String markdown) {
        String s = text(LINK.matcher(markdown).replaceAll("$1"));
        s = CODE.matcher(s).replaceAll("<code>$1</code>");
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(s).replaceAll("<em>$1</em>");
    }
}
