package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleSummary", description = "A list row: the article without its body, with an excerpt")
public record ArticleSummary(long id, String slug, String headline, @Schema(nullable = true) String subheadline,
        @Schema(nullable = true) String dateline,
        @Schema(nullable = true) String byline, @Schema(nullable = true) String section, List<String> tags,
        @Schema(enumeration = {
                "draft", "published"}) String status,
        @Schema(nullable = true) Instant publishedAt, Instant createdAt,
        Instant updatedAt, boolean commentsOpen, int paragraphCount,
        @Schema(nullable = true, description = "The first block that has a text (null when there is none), cut at a word boundary, at most 280 characters") String excerpt,
        @Schema(nullable = true, description = "With q: where the article matches, plain text with each match between ** and **; null otherwise") String highlight,
        @Schema(nullable = true) Image leadImage) {

    static final int EXCERPT_LENGTH = 280;

    static ArticleSummary from(ListedArticle row) {
        Article article = row.article();
        return new ArticleSummary(article.id, article.slug, article.headline, article.subheadline, article.dateline,
                article.byline, article.section, List.copyOf(article.tags), article.status.wire(),
                article.publishedAt, article.createdAt, article.updatedAt, article.commentsOpen,
                article.paragraphCount, excerpt(row.firstBlock()), row.highlight(), article.leadImage());
    }

    /** At most 280 characters, cut after a whole word and marked with an ellipsis when cut. */
    static String excerpt(String text) {
        if (text == null || text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        int end = EXCERPT_LENGTH - 1;
        int space = text.lastIndexOf(' ', end);
        String cut = (space > 0 ? text.substring(0, space) : text.substring(0, end)).stripTrailing();
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
