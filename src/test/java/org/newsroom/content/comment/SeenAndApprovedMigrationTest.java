package org.newsroom.content.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.EmbeddedPostgres;

/**
 * V6 on a database that already holds comments: which of them readers saw (only their tombstones stay theirs) and
 * which a moderator approved as they read now. A PostgreSQL server of its own, migrated up to V4, given rows that
 * the service could have written, then migrated on.
 */
class SeenAndApprovedMigrationTest {

    @Test
    void backfillsWhatReadersSawAndWhatAModeratorApproved() throws SQLException {
        EmbeddedPostgres server = EmbeddedPostgres.start();
        try (Connection db = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement sql = db.createStatement()) {
            migrate(server, "4");
            sql.execute("INSERT INTO article (id, slug, headline, status, published_at)"
                    + " VALUES (1, 'story', 'A story', 'published', now() - interval '1 day')");
            // id, status, held_reason, parent, edited: what each row went through.
            comment(sql, 1, "published", null, null, null); // never held
            comment(sql, 2, "deleted", "links", null, null); // held from the start, then deleted
            comment(sql, 3, "deleted", null, null, null); // published, then deleted
            comment(sql, 4, "deleted", "reports", null, null); // published, held by reports, then deleted
            comment(sql, 5, "deleted", "pre-moderation", null, null); // waited, then deleted
            comment(sql, 6, "published", null, null, null); // approved, never edited since
            comment(sql, 7, "deleted", "links", null, "now() - interval '1 hour'"); // approved, edited, held, deleted
            comment(sql, 8, "pending", "repeated", null, null); // held from the start
            comment(sql, 9, "deleted", "banned-word", null, null); // published, answered, edited, held, deleted
            comment(sql, 10, "published", null, 9, null);
            comment(sql, 11, "rejected", "banned-word", null, null); // held from the start, rejected
            decision(sql, 6, "approve", "pending", "published", "now() - interval '2 hours'");
            decision(sql, 7, "approve", "pending", "published", "now() - interval '2 hours'");
            decision(sql, 11, "reject", "pending", "rejected", "now() - interval '2 hours'");
            migrate(server, "6");

            Map<Integer, String> stored = new LinkedHashMap<>();
            try (ResultSet rows = sql
                    .executeQuery("SELECT id, shown_to_readers, approved FROM comment ORDER BY id")) {
                while (rows.next()) {
                    stored.put(rows.getInt(1), "shown=" + rows.getBoolean(2) + " approved=" + rows.getBoolean(3));
                }
            }
            Map<Integer, String> expected = new LinkedHashMap<>();
            expected.put(1, "shown=true approved=false");
            expected.put(2, "shown=false approved=false");
            expected.put(3, "shown=true approved=false");
            expected.put(4, "shown=true approved=false");
            expected.put(5, "shown=false approved=false");
            expected.put(6, "shown=true approved=true");
            expected.put(7, "shown=true approved=false");
            expected.put(8, "shown=false approved=false");
            expected.put(9, "shown=true approved=false");
            expected.put(10, "shown=true approved=false");
            expected.put(11, "shown=false approved=false");
            assertEquals(expected, stored);
        } finally {
            server.stop();
        }
    }

    private static void migrate(EmbeddedPostgres server, String target) {
        Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void comment(Statement sql, int id, String status, String heldReason, Integer parent,
            String editedAt) throws SQLException {
        sql.execute("INSERT INTO comment (id, article_id, parent_id, root_id, author_name, body, status, held_reason,"
                + " editable_until, edited_at, token_hash, client_address) VALUES (" + id + ", 1, " + parent + ", "
                + parent + ", 'Reader', 'Words', '" + status + "', "
                + (heldReason == null ? "NULL" : "'" + heldReason + "'") + ", now(), " + editedAt
                + ", sha256('t" + id + "'::bytea), '192.0.2.1')");
    }

    private static void decision(Statement sql, int comment, String action, String from, String to, String at)
            throws SQLException {
        sql.execute("INSERT INTO moderation_decision (comment_id, moderator, action, previous_status, new_status,"
                + " decided_at) VALUES (" + comment + ", 'mod', '" + action + "', '" + from + "', '" + to + "', " + at
                + ")");
    }
}
