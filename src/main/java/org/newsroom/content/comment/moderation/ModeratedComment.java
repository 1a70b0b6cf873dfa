package org.newsroom.content.comment.moderation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.comment.Comment;
import org.newsroom.content.comment.CommentResponse;
import org.newsroom.content.comment.CommentService;
import org.newsroom.content.shared.web.Representations;

/**
 * A comment as moderators see it: why it is held, how often it was reported, and its {@code etag}, which a decision
 * names in If-Match. Never an e-mail or address.
 */
@Schema(name = "ModeratedComment")
public record ModeratedComment(long id, long articleId, @Schema(nullable = true) Long parentId, long rootId,
        @Schema(nullable = true) String authorName, @Schema(nullable = true) String body,
        @Schema(enumeration = {
                "published", "pending", "rejected", "spam", "deleted"}) String status,
        Instant createdAt, @Schema(nullable = true) Instant editedAt, int replyCount,
        @Schema(nullable = true, description = "Why it was held; null when it was not", enumeration = {"links",
                "banned-word", "repeated", "reports", "pre-moderation"}) String heldReason,
        int reportCount,
        @Schema(description = "The comment's ETag, quoted: send it as If-Match with a decision", example = "\"c12.3\"") String etag) {

    static ModeratedComment from(Comment comment) {
        CommentResponse c = CommentResponse.from(comment);
        return new ModeratedComment(c.id(), c.articleId(), c.parentId(), c.rootId(), c.authorName(), c.body(),
                c.status(), c.createdAt(), c.editedAt(), c.replyCount(), comment.heldReason, comment.reportCount,
                Representations.etag(CommentService.version(comment)));
    }
}
