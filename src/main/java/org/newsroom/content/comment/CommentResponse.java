package org.newsroom.content.comment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Comment", description = "A reader comment; a deleted one is a tombstone whose author and body are null")
public record CommentResponse(long id, long articleId, @Schema(nullable = true) Long parentId, long rootId,
        @Schema(nullable = true) String authorName, @Schema(nullable = true) String body,
        @Schema(enumeration = {
                "published", "pending", "rejected", "spam", "deleted"}) String status,
        Instant createdAt, @Schema(nullable = true) Instant editedAt, Instant editableUntil, int replyCount) {

    public static CommentResponse from(Comment comment) {
        boolean tombstone = comment.status == CommentStatus.DELETED;
        return new CommentResponse(comment.id, comment.articleId, comment.parentId, comment.threadRootId(),
                tombstone ? null : comment.authorName, tombstone ? null : comment.body, comment.status.wire(),
                comment.createdAt, comment.editedAt, comment.editableUntil, comment.replyCount);
    }
}
