package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.error.ProblemResponsesFilter;

/**
 * The schema of an article's JSON Merge Patch, for the document only: the service applies the patch to the article's
 * {@link ArticleWrite} and validates the result (shared/web/MergePatch). Every member is optional; null removes a
 * member, which then takes the value a PUT without it would give.
 */
@Schema(name = "ArticlePatch", description = "JSON Merge Patch (RFC 7396) of an article: the members to change; null"
        + " removes one (the value a PUT without it gets)")
record ArticlePatch(
        @Schema(nullable = true, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN, description = "null keeps the current slug") String slug,
        @Schema(maxLength = 300, pattern = ProblemResponsesFilter.NOT_BLANK, description = "Cannot be removed") String headline,
        @Schema(nullable = true, maxLength = 500) String subheadline,
        @Schema(nullable = true, maxLength = 60) String dateline,
        @Schema(nullable = true, maxLength = 200) String byline,
        @Schema(nullable = true, maxLength = 60, pattern = Slugs.PATTERN) String section,
        @Schema(nullable = true, maxItems = 20, description = "Replaces the tags (each as in ArticleWrite); null removes them all") List<String> tags,
        @Schema(nullable = true, enumeration = {
                "draft",
                "published"}, description = "null makes it a draft") String status,
        @Schema(nullable = true, description = "With status published: in the future schedules the article") Instant publishedAt,
        @Schema(nullable = true, description = "null opens comments") Boolean commentsOpen,
        @Schema(nullable = true, maxItems = 1000, description = "Replaces the whole body; null empties it") List<ParagraphWrite> paragraphs,
        @Schema(nullable = true, description = "Merged into the lead image (RFC 7396); null removes it") Image leadImage) {
}
