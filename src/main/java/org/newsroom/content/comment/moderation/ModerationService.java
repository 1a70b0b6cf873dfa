package org.newsroom.content.comment.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.comment.Comment;
import org.newsroom.content.comment.CommentEvents;
import org.newsroom.content.comment.CommentService;
import org.newsroom.content.comment.CommentStatus;
import org.newsroom.content.comment.ModerationDecision;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.cache.LocalChanges;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.metrics.ServiceMetrics;
import org.newsroom.content.shared.validation.Text;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.ExpectedVersion;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;

/** The moderators' queue and their decisions, each kept as an audit row. */
@ApplicationScoped
@Transactional
public class ModerationService {

    private final Clock clock;
    private final LocalChanges changes;
    private final CommentEvents events;
    private final ServiceMetrics metrics;

    public ModerationService(Clock clock, LocalChanges changes, CommentEvents events, ServiceMetrics metrics) {
        this.clock = clock;
        this.changes = changes;
        this.events = events;
        this.metrics = metrics;
    }

    /** Never kept by a shared cache, but revalidated like any list (a moderator's client may hold the page). */
    public Read<Page<ModeratedComment>> queue(String queue, int limit, String cursor, KnownVersions known) {
        String ordering = "moderation-" + queue;
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ordering);
        CommentStatus status = "reported".equals(queue) ? null : CommentStatus.valueOf(queue.toUpperCase(Locale.ROOT));
        List<Comment> rows = Comment.pageQueue(status, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        Listed<ModeratedComment> listed = Page.fromRows(rows, limit, ModeratedComment::from,
                last -> Cursor.at(ordering, last.createdAt, last.id), c -> c.id + ":" + c.version);
        return Read.of(known, listed.version(Page.JSON), Audience.PRIVATE, listed::page);
    }

    /**
     * A decision on the version of the comment the moderator saw ({@code expected}, from If-Match): one that changed
     * since (its author edited it, a report came in) is a 412, to be looked at again.
     */
    public Versioned<ModeratedComment> decide(long id, ExpectedVersion expected, DecisionRequest decision,
            String moderator) {
        Comment comment = Comment.findExisting(id);
        changes.commentsOf(comment.articleId);
        if (comment.status == CommentStatus.DELETED) {
            throw new ApiException(ErrorCode.CONFLICT, "A deleted comment has nothing left to decide on");
        }
        expected.check(CommentService.version(comment));
        CommentStatus target = switch (decision.action()) {
            case "approve" -> CommentStatus.PUBLISHED;
            case "reject" -> CommentStatus.REJECTED;
            default -> CommentStatus.SPAM;
        };
        Instant now = Time.now(clock);
        CommentStatus previous = comment.status;
        comment.changeStatus(target, now);
        ModerationDecision.record(comment, moderator, decision.action(), Text.normalized(decision.reason()), previous,
                now);
        if (previous != target) {
            comment.threadChanged(now);
        }
        events.decided(comment, decision.action(), previous, now);
        metrics.moderationDecision(decision.action());
        return Versioned.written(ModeratedComment.from(comment), CommentService.version(comment));
    }
}
