package org.newsroom.content.support;

import java.util.HashMap;
import java.util.Map;

import org.newsroom.content.shared.dev.DevServices;
import org.newsroom.content.shared.dev.EmbeddedPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For the {@code *IT} tests: the packaged application runs in the production profile, which never starts a
 * database, so the test JVM starts one and hands its URL and the test key over, as an operator's environment would.
 */
public class PackagedAppServices implements QuarkusTestResourceLifecycleManager {

    /** The public URL the packaged application links from (its feeds, text pages): production requires one. */
    public static final String PUBLIC_BASE_URL = "https://news.example";

    @Override
    public Map<String, String> start() {
        return settings(DevServices.postgresJdbcUrl());
    }

    /** What the packaged application is given, with the database at {@code jdbcUrl} (the embedded server's user). */
    public static Map<String, String> settings(String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", jdbcUrl);
        settings.put("quarkus.datasource.username", EmbeddedPostgres.USER);
        settings.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        settings.put("mp.jwt.verify.publickey", DevServices.jwtKeys().get("public"));
        settings.put("mp.jwt.verify.issuer", DevServices.ISSUER);
        settings.put("mp.jwt.verify.audiences", DevServices.AUDIENCE);
        settings.put("content.secret", DevServices.secret());
        settings.put("content.public-base-url", PUBLIC_BASE_URL);
        // As in the test profile (src/test/resources): the HTTP tests post many comments from one address.
        settings.put("content.comments.rate-limit.per-minute", "100000");
        settings.put("content.comments.rate-limit.per-hour", "100000");
        settings.put("content.comments.banned-words", "badword,Schlimm");
        settings.put("content.comments.repeat-window", "PT0S");
        settings.put("quarkus.http.cors.origins", "https://reader.example");
        // No pause for load balancers when a test stops it (GracefulShutdownIT sets one).
        settings.put("quarkus.shutdown.delay", "0S");
        return settings;
    }

    @Override
    public void stop() {
        // The server stops with this JVM (a shutdown hook in DevServices).
    }
}
