package org.newsroom.content.article;

/**
 * One body block as a value: what an editor writes, the text format reads, and a paragraph row holds. An image block
 * has an {@code image} and no text; every other block a text and no image.
 */
public record Block(String type, String text, String attribution, Image image) {

    public Block(String type, String text, String attribution) {
        this(type, text, attribution, null);
    }

    static Block image(Image image) {
        return new Block(BlockTypes.IMAGE, null, null, image.normalized());
    }
}
