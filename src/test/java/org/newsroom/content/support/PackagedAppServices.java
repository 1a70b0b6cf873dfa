package org.newsroom.content.support;

import java.util.Map;

import org.newsroom.content.shared.dev.DevServices;
import org.newsroom.content.shared.dev.EmbeddedPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For the {@code *IT} tests: the packaged application runs in the production profile, which never starts a
 * database, so the test JVM starts one and hands its URL and the test key over, as an operator's environment would.
 */
public class PackagedAppServices implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return settings(DevServices.postgresJdbcUrl());
    }

    /** What the packaged application is given, with the database at {@code jdbcUrl} (the embedded server's user). */
    static Map<String, String> settings(String jdbcUrl) {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", EmbeddedPostgres.PASSWORD,
                "mp.jwt.verify.publickey", DevServices.jwtKeys().get("public"),
                "mp.jwt.verify.issuer", DevServices.ISSUER,
                // As in the test profile (application.properties): the HTTP tests post many comments from one address.
                "content.comments.rate-limit.per-minute", "100000",
                "content.comments.rate-limit.per-hour", "100000",
                "content.comments.banned-words", "badword,Schlimm",
                "content.comments.repeat-window", "PT0S",
                "quarkus.http.cors.origins", "https://reader.example");
    }

    @Override
    public void stop() {
        // The server stops with this JVM (a shutdown hook in DevServices).
    }
}
