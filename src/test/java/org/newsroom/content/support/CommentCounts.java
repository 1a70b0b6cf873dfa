package org.newsroom.content.support;

import org.newsroom.content.comment.Comment;
import org.newsroom.content.comment.CommentReport;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A comment's counters and the rows behind them, read straight from the database, each in a transaction of its own:
 * the API shows no report rows, and readers never see a report count. In-process ({@code @QuarkusTest}) only.
 */
public final class CommentCounts {

    /** What is stored for one comment: its report rows, and the counters on its own row. */
    public record Stored(long reportRows, int reportCount, int replyCount, String status) {
    }

    private CommentCounts() {
    }

    public static Stored of(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment comment = Comment.findById(commentId);
            long rows = CommentReport.count("commentId", commentId);
            return new Stored(rows, comment.reportCount, comment.replyCount, comment.status.name());
        });
    }
}
