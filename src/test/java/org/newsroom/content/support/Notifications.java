package org.newsroom.content.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.newsroom.content.shared.cache.RepresentationCache;

/**
 * PostgreSQL delivers change notifications (migration V8) a few milliseconds after their commit. A test that counts
 * what a read does must not have them arrive in the middle: it sends one of its own ({@code *}) and waits until the
 * cache has seen it, by which time every earlier one has arrived too (notifications come in commit order).
 */
public final class Notifications {

    private Notifications() {
    }

    public static void settle(RepresentationCache cache, DataSource database) {
        long before = cache.changesSeen();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('content_changes', '*')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (cache.changesSeen() <= before) {
            if (System.nanoTime() > deadline) {
                fail("the cache did not hear PostgreSQL's notification within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
