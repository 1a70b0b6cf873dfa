package org.newsroom.content.comment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a new comment: the comment and, this once, the token that lets its author edit or delete it. */
@Schema(name = "CreatedComment")
public record CreatedCommentResponse(long id, long articleId, @Schema(nullable = true) Long parentId, long rootId,
        String authorName,
        String body, @Schema(enumeration = {
                "published", "pending"}) String status,
        Instant createdAt,
        @Schema(nullable = true) Instant editedAt, Instant editableUntil, int replyCount,
        @Schema(description = "Shown once, stored only as a hash: send it as Comment-Token to edit or delete") String token) {

    static CreatedCommentResponse from(Comment comment, String token) {
        CommentResponse c = CommentResponse.from(comment);
        return new CreatedCommentResponse(c.id(), c.articleId(), c.parentId(), c.rootId(), c.authorName(), c.body(),
                c.status(), c.createdAt(), c.editedAt(), c.editableUntil(), c.replyCount(), token);
    }
}
