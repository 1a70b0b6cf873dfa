package org.newsroom.content.shared.web;

/** A page of a list as plain text for terminals, with the cursor of the next page. */
public record TextPage(String text, String nextCursor) implements Paged {

    @Override
    public Object entity() {
        return text;
    }
}
