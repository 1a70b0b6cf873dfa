package org.newsroom.content.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;

/** A body block as written by an editor, inside an article's {@code paragraphs} list. */
@BlockTypes.Shape
@Schema(name = "ParagraphWrite")
public record ParagraphWrite(
        @NotNull @Pattern(regexp = BlockTypes.PATTERN, message = BlockTypes.MESSAGE) @Schema(enumeration = {
                "paragraph",
                "heading", "pullquote", "blockquote", "image"}) String type,
        @Size(max = 10_000) @SingleLine @Schema(nullable = true, pattern = "\\S", description = "Required on every block but an image, absent (or null) on an image") String text,
        @Size(max = 200) @SingleLine @Schema(description = "Only for pullquote and blockquote") String attribution,
        @Valid @Schema(nullable = true, description = "Required on an image block, absent (or null) on any other") Image image)
        implements
            BlockTypes.Written {

    public ParagraphWrite(String type, String text, String attribution) {
        this(type, text, attribution, null);
    }

    public Block block() {
        return image != null && BlockTypes.IMAGE.equals(type)
                ? Block.image(image)
                : new Block(type, text, attribution, image);
    }

    static ParagraphWrite of(Block block) {
        return new ParagraphWrite(block.type(), block.text(), block.attribution(), block.image());
    }
}
