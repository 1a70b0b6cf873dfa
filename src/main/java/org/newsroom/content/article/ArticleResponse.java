package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article", description = "One article with its body blocks in reading order")
public record ArticleResponse(long id, String slug, String headline, @Schema(nullable = true) String subheadline,
        @Schema(nullable = true) String dateline,
        @Schema(nullable = true) String byline, @Schema(nullable = true) String section, List<String> tags,
        @Schema(enumeration = {
                "draft", "published"}) String status,
        @Schema(nullable = true) Instant publishedAt, Instant createdAt,
        Instant updatedAt, boolean commentsOpen, int paragraphCount, List<ParagraphResponse> paragraphs,
        @Schema(nullable = true) Image leadImage) {

    public static ArticleResponse from(Article article, List<Paragraph> paragraphs) {
        return new ArticleResponse(article.id, article.slug, article.headline, article.subheadline, article.dateline,
                article.byline, article.section, List.copyOf(article.tags), article.status.wire(),
                article.publishedAt, article.createdAt, article.updatedAt, article.commentsOpen, paragraphs.size(),
                paragraphs.stream().map(ParagraphResponse::from).toList(), article.leadImage());
    }
}
