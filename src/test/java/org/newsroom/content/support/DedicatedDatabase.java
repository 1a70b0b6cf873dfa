package org.newsroom.content.support;

import java.util.Map;

import org.newsroom.content.shared.dev.EmbeddedPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For a {@code *IT} test that does something to the database itself (stops it, say): the packaged application gets a
 * PostgreSQL server of its own, not the one the other tests of this JVM share (DevServices), and otherwise the same
 * configuration as {@link PackagedAppServices}. The test reaches the server through {@link #server()}: this resource
 * and the test run in the test JVM; the packaged application is another process.
 */
public class DedicatedDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedPostgres server;

    /** The running server of the current test class. */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres current = server;
        if (current == null) {
            throw new IllegalStateException("No dedicated database: annotate the test with "
                    + "@WithTestResource(DedicatedDatabase.class)");
        }
        return current;
    }

    @Override
    public Map<String, String> start() {
        server = EmbeddedPostgres.start();
        return PackagedAppServices.settings(server.jdbcUrl());
    }

    @Override
    public void stop() {
        EmbeddedPostgres current = server;
        server = null;
        if (current != null) {
            current.stop();
        }
    }
}
