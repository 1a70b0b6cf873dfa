package org.newsroom.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.error.ProblemResponsesFilter;

/**
 * The schema of a block's JSON Merge Patch, for the document only: the service applies the patch to the block's
 * {@link ParagraphRequest} and validates the result (shared/web/MergePatch).
 */
@Schema(name = "ParagraphPatch", description = "JSON Merge Patch (RFC 7396) of a block: the members to change; null"
        + " removes the attribution (and, turning an image into text or back, the text or the image)")
record ParagraphPatch(
        @Schema(enumeration = {
                "paragraph", "heading", "pullquote", "blockquote", "image"}) String type,
        @Schema(nullable = true, maxLength = 10_000, pattern = ProblemResponsesFilter.NOT_BLANK, description = "null only on an image block") String text,
        @Schema(nullable = true, maxLength = 200, description = "Only for pullquote and blockquote; null removes it") String attribution,
        @Schema(nullable = true, description = "Merged into the block's image member by member; only on an image block") Image image,
        @Schema(minimum = "1", description = "Moves the block: 1-based, at most the block count") Integer position) {
}
