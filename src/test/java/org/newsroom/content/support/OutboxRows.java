package org.newsroom.content.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Outbox rows (V11) of comment events, written by hand where a test needs to control their transactions (which
 * commits first, how many), and the wake-up PostgreSQL sends after a comment changes.
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

    /** The notification a change to the article's comments sends (V8). */
    public static void wake(Connection connection, long articleId) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('content_changes', ?)")) {
            notify.setString(1, "c:" + articleId);
            notify.execute();
        }
    }
}
