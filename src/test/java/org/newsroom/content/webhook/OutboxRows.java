package org.newsroom.content.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Outbox events written by hand, as the services write them (V11): for tests of the delivery that do not depend on
 * which change records which event.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    /** An article event for article {@code articleId}, visible at {@code visibleAt}; answers its id. */
    static long articleEvent(Connection connection, String type, long articleId, Instant createdAt,
            Instant visibleAt) throws SQLException {
        String data = "{\"id\":" + articleId + ",\"slug\":\"story-" + articleId + "\",\"version\":\"a" + articleId
                + ".1\",\"status\":\"published\",\"publishedAt\":\"" + visibleAt + "\",\"section\":\"politics\","
                + "\"tags\":[\"x\"],\"surrogateKeys\":[\"article-" + articleId + "\",\"comments-" + articleId
                + "\",\"list\",\"feed\",\"section-politics\",\"tag-x\"]}";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (type, article_id,"
                + " data, created_at, visible_at) VALUES (?, ?, CAST(? AS jsonb), ?, ?) RETURNING id")) {
            insert.setString(1, type);
            insert.setLong(2, articleId);
            insert.setString(3, data);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setTimestamp(5, Timestamp.from(visibleAt));
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    static boolean exists(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM outbox_event WHERE id = ?")) {
            select.setLong(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
