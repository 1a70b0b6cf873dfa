package org.newsroom.content.support;

import java.util.List;

import org.newsroom.content.comment.ModerationDecision;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The moderation audit trail of one comment, read straight from the database: the API shows no audit rows, so the
 * tests look for themselves. In-process ({@code @QuarkusTest}) only.
 */
public final class ModerationAudit {

    private ModerationAudit() {
    }

    /** Every decision about the comment, oldest first, read in a transaction of its own. */
    public static List<ModerationDecision> of(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> ModerationDecision
                .<ModerationDecision>list("commentId = ?1 order by decidedAt, id", commentId));
    }
}
