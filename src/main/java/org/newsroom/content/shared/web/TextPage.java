package org.newsroom.content.shared.web;

/** A page of a list as plain text for terminals, with the cursor of the next page. */
public record TextPage(String text, String nextCursor) implements Paged {

    /** How a text page that has a next one ends: a blank line, then this and the next page's URL. */
    public static final String NEXT_PAGE = "Next page: ";

    @Override
    public Object entity() {
        return text;
    }

    /** {@code text} followed by the line naming the next page (after a blank line, unless it ends with one). */
    static String withNextPage(String text, String nextPageUrl) {
        StringBuilder out = new StringBuilder(text);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (!out.isEmpty() && !text.endsWith("\n\n")) {
            out.append('\n');
        }
        return out.append(NEXT_PAGE).append(nextPageUrl).append('\n').toString();
    }
}
