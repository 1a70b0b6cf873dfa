package org.newsroom.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Paragraph", description = "A typed body block; position is 1-based and dense within its article")
public record ParagraphResponse(long id, int position,
        @Schema(enumeration = {
                "paragraph", "heading", "pullquote", "blockquote", "image"}) String type,
        @Schema(nullable = true, description = "Null on an image block only") String text,
        @Schema(nullable = true, description = "Only on pullquote and blockquote") String attribution,
        @Schema(nullable = true, description = "Only on an image block") Image image) {

    public static ParagraphResponse from(Paragraph paragraph) {
        return new ParagraphResponse(paragraph.id, paragraph.position, paragraph.type, paragraph.text,
                paragraph.attribution, paragraph.image());
    }
}
