package org.newsroom.content.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Outbox rows (V11) of comment events, written by hand where a test needs to control their transactions, and the
 * wake-up PostgreSQL would send after a comment changes. {@link #ensure} writes a row only where the service did not
 * already record one (once the outbox recorder is in, it does).
 */
public final class OutboxRows {

    private static final String INSERT = "INSERT INTO outbox_event (type, article_id, comment_id, data, created_at,"
            + " visible_at) VALUES (?, ?, ?, ?::jsonb, now(), now()) RETURNING tx::text || '-' || id";

    private OutboxRows() {
    }

    /** The row's position as the stream names it ({@code <tx>-<id>}). */
    public static String insert(Connection connection, String type, long articleId, long commentId, Long rootId,
            String status, String previousStatus) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, type);
            insert.setLong(2, articleId);
            insert.setLong(3, commentId);
            insert.setString(4, "{\"id\":" + commentId + ",\"articleId\":" + articleId + ",\"articleSlug\":\"s\","
                    + "\"parentId\":" + rootId + ",\"rootId\":" + rootId + ",\"status\":\"" + status + "\","
                    + "\"previousStatus\":" + (previousStatus == null ? "null" : "\"" + previousStatus + "\"")
                    + ",\"version\":\"c" + commentId + ".1\",\"surrogateKeys\":[\"comments-" + articleId + "\"]}");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** A committed row of this type for the comment, unless the service recorded one; then wakes the streams. */
    public static void ensure(DataSource database, String type, long articleId, long commentId, Long rootId,
            String status,
            String previousStatus) {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement existing = connection
                    .prepareStatement("SELECT 1 FROM outbox_event WHERE comment_id = ? AND type = ?")) {
                existing.setLong(1, commentId);
                existing.setString(2, type);
                try (ResultSet row = existing.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            insert(connection, type, articleId, commentId, rootId, status, previousStatus);
            wake(connection, articleId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notification a change to the article's comments sends (V8). */
    public static void wake(Connection connection, long articleId) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('content_changes', ?)")) {
            notify.setString(1, "c:" + articleId);
            notify.execute();
        }
    }
}
