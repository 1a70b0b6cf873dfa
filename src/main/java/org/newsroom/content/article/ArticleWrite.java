package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;

/**
 * The writable fields of an article: the body of {@code POST /articles} and {@code PUT /articles/{ref}}, and what a
 * merge patch is applied to. Absent fields take their defaults; on PUT an absent slug keeps the current one.
 */
@Schema(name = "ArticleWrite")
public record ArticleWrite(
        @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 300) @SingleLine String headline,
        @Size(max = 500) @SingleLine String subheadline,
        @Size(max = 60) @SingleLine String dateline,
        @Size(max = 200) @SingleLine String byline,
        @Size(max = 60) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String section,
        @Size(max = 20) List<@NotNull @Size(max = 60) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String> tags,
        @Pattern(regexp = "^(draft|published)$", message = "must be draft or published") @Schema(enumeration = {
                "draft",
                "published"}, defaultValue = "draft") String status,
        @Schema(description = "With status published: in the future schedules the article; absent means now") Instant publishedAt,
        @Schema(defaultValue = "true") Boolean commentsOpen,
        @Size(max = 1000) List<@NotNull @Valid ParagraphWrite> paragraphs,
        @Valid @Schema(description = "Shown on cards, in feeds and atop the reader page") Image leadImage) {

    public ArticleWrite(String slug, String headline, String subheadline, String dateline, String byline,
            String section, List<String> tags, String status, Instant publishedAt, Boolean commentsOpen,
            List<ParagraphWrite> paragraphs) {
        this(slug, headline, subheadline, dateline, byline, section, tags, status, publishedAt, commentsOpen,
                paragraphs, null);
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public List<ParagraphWrite> paragraphsOrEmpty() {
        return paragraphs == null ? List.of() : paragraphs;
    }

    public ArticleStatus statusOrDraft() {
        return status == null ? ArticleStatus.DRAFT : ArticleStatus.fromWire(status);
    }
}
