package org.newsroom.content.article;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.article.BlockTypes;
import org.newsroom.content.shared.validation.SingleLine;

/**
 * One block as an editor sends it to {@code /articles/{ref}/paragraphs}: inserted at {@code position} (default: the
 * end), or, on PUT and PATCH, moved there (default: where it is).
 */
@Schema(name = "ParagraphRequest")
public record ParagraphRequest(
        @NotNull @Pattern(regexp = BlockTypes.PATTERN, message = BlockTypes.MESSAGE) @Schema(enumeration = {
                "paragraph",
                "heading", "pullquote", "blockquote"}) String type,
        @NotBlank @Size(max = 10_000) @SingleLine String text,
        @Size(max = 200) @SingleLine @Schema(description = "Only for pullquote and blockquote") String attribution,
        @Min(1) @Schema(description = "1-based; at most the block count (plus one when inserting)") Integer position) {

    public Block block() {
        return new Block(type, text, attribution);
    }
}
