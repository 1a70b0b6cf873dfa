package org.newsroom.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;

/** A body block as written by an editor, inside an article's {@code paragraphs} list. */
@Schema(name = "ParagraphWrite")
public record ParagraphWrite(
        @NotNull @Pattern(regexp = BlockTypes.PATTERN, message = BlockTypes.MESSAGE) @Schema(enumeration = {
                "paragraph",
                "heading", "pullquote", "blockquote"}) String type,
        @NotBlank @Size(max = 10_000) @SingleLine String text,
        @Size(max = 200) @SingleLine @Schema(description = "Only for pullquote and blockquote") String attribution) {

    public Block block() {
        return new Block(type, text, attribution);
    }
}
