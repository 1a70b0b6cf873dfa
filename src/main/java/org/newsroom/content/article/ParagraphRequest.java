package org.newsroom.content.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;

/**
 * One block as an editor sends it to {@code /articles/{ref}/paragraphs}: inserted at {@code position} (default: the
 * end), or, on PUT and PATCH, moved there (default: where it is).
 */
@BlockTypes.Shape
@Schema(name = "ParagraphRequest")
public record ParagraphRequest(
        @NotNull @Pattern(regexp = BlockTypes.PATTERN, message = BlockTypes.MESSAGE) @Schema(enumeration = {
                "paragraph",
                "heading", "pullquote", "blockquote", "image"}) String type,
        @Size(max = 10_000) @SingleLine @Schema(nullable = true, pattern = "\\S", description = "Required on every block but an image, absent (or null) on an image") String text,
        @Size(max = 200) @SingleLine @Schema(description = "Only for pullquote and blockquote") String attribution,
        @Valid @Schema(nullable = true, description = "Required on an image block, absent (or null) on any other") Image image,
        @Min(1) @Schema(description = "1-based; at most the block count (plus one when inserting)") Integer position)
        implements
            BlockTypes.Written {

    public Block block() {
        return image != null && BlockTypes.IMAGE.equals(type)
                ? Block.image(image)
                : new Block(type, text, attribution, image);
    }
}
