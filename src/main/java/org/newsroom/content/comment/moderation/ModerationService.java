package org.newsroom.content.comment.moderation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.comment.Comment;
import org.newsroom.content.comment.CommentStatus;
import org.newsroom.content.comment.ModerationDecision;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;

/** The moderators' queue and their decisions, each kept as an audit row. */
@ApplicationScoped
@Transactional
public class ModerationService {

    public Listed<ModeratedComment> queue(String queue, int limit, String cursor) {
        String ordering = "moderation-" + queue;
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ordering);
        CommentStatus status = "reported".equals(queue) ? null : CommentStatus.valueOf(queue.toUpperCase());
        List<Comment> rows = Comment.pageQueue(status, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        return Page.fromRows(rows, limit, ModeratedComment::from,
                last -> Cursor.at(ordering, last.createdAt, last.id), c -> c.id + ":" + c.version);
    }

    public ModeratedComment decide(long id, DecisionRequest decision, String moderator) {
        Comment comment = Comment.<Comment>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("This comment"));
        if (comment.status == CommentStatus.DELETED) {
            throw new ApiException(ErrorCode.CONFLICT, "A deleted comment has nothing left to decide on");
        }
        CommentStatus target = switch (decision.action()) {
            case "approve" -> CommentStatus.PUBLISHED;
            case "reject" -> CommentStatus.REJECTED;
            default -> CommentStatus.SPAM;
        };
        Instant now = Time.now();
        CommentStatus previous = comment.status;
        comment.changeStatus(target, now);
        ModerationDecision.record(comment, moderator, decision.action(), decision.reason(), previous, now);
        Comment.flush();
        if (comment.rootId != null && previous != target) {
            Comment.recountReplies(comment.rootId, now);
        }
        return ModeratedComment.from(comment);
    }
}
