package org.newsroom.content.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The audit trail: who decided what about a comment, when and why. Rows are only ever added, and they stay when the
 * comment goes with its article (the comment's and the article's ids are plain values, not foreign keys).
 */
@Entity
@Table(name = "moderation_decision")
public class ModerationDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id")
    public Long commentId;

    @Column(name = "article_id")
    public Long articleId;

    public String moderator;
    public String action;
    public String reason;

    @Column(name = "previous_status")
    public String previousStatus;

    @Column(name = "new_status")
    public String newStatus;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static ModerationDecision record(Comment comment, String moderator, String action, String reason,
            CommentStatus previous, Instant now) {
        ModerationDecision decision = new ModerationDecision();
        decision.commentId = comment.id;
        decision.articleId = comment.articleId;
        decision.moderator = moderator;
        decision.action = action;
        decision.reason = reason;
        decision.previousStatus = previous.wire();
        decision.newStatus = comment.status.wire();
        decision.decidedAt = now;
        decision.persist();
        return decision;
    }
}
