package org.newsroom.content.comment.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import org.newsroom.content.comment.CommentResponse;

import io.agroal.api.AgroalDataSource;

/**
 * The SQL of the live comment streams, in plain JDBC (no Hibernate session on the streams' own threads): each answer
 * is one statement. Only the outbox rows of comments ({@code comment.*}, {@code moderation.decided}) count, in
 * {@code (tx, id)} order, and only those of transactions older than every transaction still running
 * ({@code pg_snapshot_xmin(pg_current_snapshot())}, the horizon): no later read can find an older one.
 */
@Singleton
class OutboxReads {

    private static final String COMMENT_EVENTS = "(o.type LIKE 'comment.%' OR o.type = 'moderation.decided')";

    private static final String OPENING = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text,"
            + " (SELECT min(tx)::text FROM outbox_event),"
            + " (SELECT count(*) FROM (SELECT 1 FROM outbox_event o WHERE o.article_id = ? AND (o.tx, o.id) >"
            + " (?::xid8, ?) AND o.tx < pg_snapshot_xmin(pg_current_snapshot()) AND " + COMMENT_EVENTS
            + " LIMIT ?) behind)";

    private static final String NEXT = "SELECT h.horizon::text, h.held, a.id, a.status, a.published_at,"
            + " a.comments_open, e.tx::text, e.id, e.type, e.data ->> 'status', e.data ->> 'previousStatus',"
            + " e.comment_id, (e.data ->> 'rootId')::bigint, c.parent_id, c.root_id, c.author_name, c.body,"
            + " c.status, c.created_at, c.edited_at, c.editable_until, c.reply_count, r.reply_count"
            + " FROM (SELECT x.horizon, EXISTS (SELECT 1 FROM outbox_event o WHERE o.article_id = ?"
            + " AND o.tx >= x.horizon AND (o.tx, o.id) > (?::xid8, ?) AND " + COMMENT_EVENTS + ") AS held"
            + " FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) x) h"
            + " LEFT JOIN article a ON a.id = ?"
            + " LEFT JOIN LATERAL (SELECT o.tx, o.id, o.type, o.data, o.comment_id FROM outbox_event o"
            + " WHERE o.article_id = ? AND (o.tx, o.id) > (?::xid8, ?) AND o.tx < h.horizon AND " + COMMENT_EVENTS
            + " ORDER BY o.tx, o.id LIMIT ?) e ON true"
            + " LEFT JOIN comment c ON c.id = e.comment_id"
            + " LEFT JOIN comment r ON r.id = (e.data ->> 'rootId')::bigint"
            + " ORDER BY e.tx, e.id";

    private final AgroalDataSource dataSource;
    /** Statements run by {@link #after}: one per look of an article's streams, however many streams it has. */
    private final AtomicLong looks = new AtomicLong();

    OutboxReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a new stream stands: the horizon, the oldest transaction the outbox holds, how many events follow. */
    record Opening(long horizon, Long oldestTx, int behind) {
    }

    /** The article as the stream needs it: whether its comments may still be read and written live. */
    record ArticleState(boolean exists, String status, Instant publishedAt, boolean commentsOpen) {
    }

    /** One outbox event, with the comment (and its thread's root) as they are now; comment is null when gone. */
    record Event(StreamPosition position, String type, String status, String previousStatus, long commentId,
            Long rootId, CommentResponse comment, Integer rootReplyCount) {
    }

    /** The events after a position, up to the horizon, and whether newer ones wait on an older transaction. */
    record Batch(long horizon, boolean heldBack, ArticleState article, List<Event> events) {
    }

    Opening opening(long articleId, StreamPosition after, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OPENING)) {
            statement.setLong(1, articleId);
            statement.setString(2, Long.toString(after.tx()));
            statement.setLong(3, after.id());
            statement.setInt(4, limit);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String oldest = row.getString(2);
                return new Opening(Long.parseLong(row.getString(1)), oldest == null ? null : Long.parseLong(oldest),
                        row.getInt(3));
            }
        }
    }

    long looks() {
        return looks.get();
    }

    Batch after(long articleId, StreamPosition after, int limit) throws SQLException {
        looks.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(NEXT)) {
            statement.setLong(1, articleId);
            statement.setString(2, Long.toString(after.tx()));
            statement.setLong(3, after.id());
            statement.setLong(4, articleId);
            statement.setLong(5, articleId);
            statement.setString(6, Long.toString(after.tx()));
            statement.setLong(7, after.id());
            statement.setInt(8, limit);
            try (ResultSet row = statement.executeQuery()) {
                long horizon = 0;
                boolean held = false;
                ArticleState article = null;
                List<Event> events = new ArrayList<>();
                while (row.next()) {
                    if (article == null) {
                        horizon = Long.parseLong(row.getString(1));
                        held = row.getBoolean(2);
                        row.getLong(3);
                        boolean exists = !row.wasNull();
                        article = new ArticleState(exists, row.getString(4), instant(row, 5), row.getBoolean(6));
                    }
                    String tx = row.getString(7);
                    if (tx != null) {
                        events.add(event(articleId, row, Long.parseLong(tx)));
                    }
                }
                return new Batch(horizon, held, article, events);
            }
        }
    }

    private static Event event(long articleId, ResultSet row, long tx) throws SQLException {
        long id = row.getLong(8);
        long commentId = row.getLong(12);
        long root = row.getLong(13);
        Long rootId = row.wasNull() ? null : root;
        String currentStatus = row.getString(18);
        CommentResponse comment = null;
        if (currentStatus != null) {
            long parent = row.getLong(14);
            Long parentId = row.wasNull() ? null : parent;
            long currentRoot = row.getLong(15);
            long threadRoot = row.wasNull() ? commentId : currentRoot;
            comment = new CommentResponse(commentId, articleId, parentId, threadRoot, row.getString(16),
                    row.getString(17), currentStatus, instant(row, 19), instant(row, 20), instant(row, 21),
                    row.getInt(22));
        }
        int replies = row.getInt(23);
        Integer rootReplyCount = row.wasNull() ? null : replies;
        return new Event(new StreamPosition(tx, id), row.getString(9), row.getString(10), row.getString(11),
                commentId, rootId, comment, rootReplyCount);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
