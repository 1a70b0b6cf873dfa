package org.newsroom.content.shared.web;

/** A representation of one page of a list: what is sent, and where the next page starts (null on the last). */
public interface Paged {

    Object entity();

    String nextCursor();
}
