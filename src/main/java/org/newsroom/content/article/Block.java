package org.newsroom.content.article;

/** One body block as a value: what an editor writes, the text format reads, and a paragraph row holds. */
public record Block(String type, String text, String attribution) {
}
