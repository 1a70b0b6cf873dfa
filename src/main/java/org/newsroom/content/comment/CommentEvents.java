package org.newsroom.content.comment;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.outbox.EventType;
import org.newsroom.content.shared.outbox.Outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outbox events of comment changes (docs/http-api.md, Webhooks): {@code comment.published} for a comment posted
 * and visible at once, {@code comment.held} when one goes to the moderators (posted, edited or reported),
 * {@code comment.updated} for an edit of a visible one, {@code comment.deleted} for a tombstone, and
 * {@code moderation.decided} for each moderator's decision, whose {@code status} says whether the comment is now
 * visible. One event per change.
 */
@ApplicationScoped
public class CommentEvents {

    private final Outbox outbox;

    CommentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** After the change is applied; {@code previous} is the status before it (null for a new comment). */
    public void changed(EventType type, Comment comment, CommentStatus previous, Instant now) {
        outbox.record(type, comment.articleId, comment.id, data(comment, previous), now, now);
    }

    /** A moderator's decision: {@code action} as the moderation API names it. */
    public void decided(Comment comment, String action, CommentStatus previous, Instant now) {
        ObjectNode data = data(comment, previous);
        data.put("action", action);
        outbox.record(EventType.MODERATION_DECIDED, comment.articleId, comment.id, data, now, now);
    }

    private ObjectNode data(Comment comment, CommentStatus previous) {
        // The row's version is read after the flush: the event names the stored one.
        Comment.flush();
        ObjectNode data = outbox.data();
        data.put("id", comment.id);
        data.put("articleId", comment.articleId);
        data.put("parentId", comment.parentId);
        // As in the comment's JSON: a top-level comment is its own thread's root.
        data.put("rootId", comment.threadRootId());
        data.put("status", comment.status.wire());
        data.put("previousStatus", previous == null ? null : previous.wire());
        data.put("version", CommentService.version(comment).tag());
        data.putPOJO("surrogateKeys", List.of("comments-" + comment.articleId));
        return data;
    }
}
