package org.newsroom.content.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.DevServices;
import org.newsroom.content.shared.dev.EmbeddedPostgres;
import org.newsroom.content.support.PackagedApp;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import io.restassured.path.json.JsonPath;

/**
 * The packaged application, started by this test as an operator would start it: it refuses to start without the
 * settings production needs (a server secret of 32 characters or more, the
 * tokens' key set, issuer and audience), and a profile named
 * {@code test} gives it nothing of the tests' (no embedded PostgreSQL, no loose rate limits).
 */
class ProductionSettingsIT {

    @Test
    void doesNotStartWithoutAServerSecret() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("content.secret");
        assertRefusesToStart(settings, "content.secret");
    }

    @Test
    void doesNotStartWithAShortServerSecret() throws Exception {
        Map<String, String> settings = complete();
        settings.put("content.secret", "too-short-to-be-a-secret");
        assertRefusesToStart(settings, "must be at least 32 characters");
    }

    @Test
    void doesNotStartWithoutATokenKeySet() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("mp.jwt.verify.publickey");
        assertRefusesToStart(settings, "mp.jwt.verify.publickey.location is required");
    }

    @Test
    void doesNotStartWithoutATokenIssuer() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("mp.jwt.verify.issuer");
        assertRefusesToStart(settings, "mp.jwt.verify.issuer is required");
    }

    @Test
    void doesNotStartWithoutATokenAudience() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("mp.jwt.verify.audiences");
        assertRefusesToStart(settings, "mp.jwt.verify.audiences is required");
    }

    @Test
    void doesNotStartWithoutAPublicBaseUrl() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("content.public-base-url");
        assertRefusesToStart(settings, "content.public-base-url is required");
    }

    @Test
    void doesNotStartWithAPublicBaseUrlThatIsNotOne() throws Exception {
        Map<String, String> settings = complete();
        settings.put("content.public-base-url", "news.example/?x=1");
        assertRefusesToStart(settings, "content.public-base-url must be an absolute http(s) URL");
    }

    @Test
    void aProfileNamedTestStartsNoEmbeddedDatabase() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("quarkus.datasource.jdbc.url");
        settings.put("quarkus.profile", "test");
        List<String> output = assertRefusesToStart(settings, "datasource");
        assertFalse(String.join("\n", output).contains("PostgreSQL binaries"), "it did not even try to start one");
    }

    @Test
    void aProfileNamedTestKeepsTheProductionRateLimits() throws Exception {
        Map<String, String> settings = complete();
        settings.put("quarkus.profile", "test");
        try (PackagedApp app = PackagedApp.start(settings)) {
            // The production limit is 5 a minute: the sixth is a 429 (the test profile would allow 100000). From an
            // address of its own: the other ITs share the database and post from 127.0.0.1.
            long seed = System.nanoTime();
            String client = "127.77." + (seed % 250 + 1) + "." + (seed / 250 % 250 + 1);
            System.out.println("ProductionSettingsIT posts from " + client);
            int[] statuses = new int[6];
            String path = "/api/v1/articles/" + publishedArticle(app) + "/comments";
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = RawHttp.postJson(client, app.port(), path, Map.of(),
                        "{\"authorName\":\"Limited\",\"body\":\"Comment " + i + "\"}").status();
            }
            assertEquals(List.of(201, 201, 201, 201, 201, 429), toList(statuses));
        }
    }

    // ---- the packaged application

    /** Everything production needs, with the tests' database. */
    private static Map<String, String> complete() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", DevServices.postgresJdbcUrl());
        settings.put("quarkus.datasource.username", EmbeddedPostgres.USER);
        settings.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        settings.put("mp.jwt.verify.publickey", DevServices.jwtKeys().get("public"));
        settings.put("mp.jwt.verify.issuer", DevServices.ISSUER);
        settings.put("mp.jwt.verify.audiences", DevServices.AUDIENCE);
        settings.put("content.secret", DevServices.secret());
        settings.put("content.public-base-url", "https://news.example");
        settings.put("quarkus.http.port", "0");
        return settings;
    }

    private static List<String> assertRefusesToStart(Map<String, String> settings, String expected)
            throws Exception {
        PackagedApp app = PackagedApp.launch(settings);
        boolean ended = app.awaitExit(PackagedApp.START_TIMEOUT);
        if (!ended) {
            app.process().destroyForcibly();
        }
        String all = app.outputText();
        assertTrue(ended, "it should have stopped:\n" + all);
        assertNotEquals(0, app.process().exitValue(), all);
        assertFalse(all.contains("Listening on:"), all);
        assertTrue(all.contains(expected), "expected \"" + expected + "\" in:\n" + all);
        return app.output();
    }

    private static long publishedArticle(PackagedApp app) {
        String body = "{\"headline\":\"Limits " + System.nanoTime() + "\",\"status\":\"published\","
                + "\"publishedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}";
        RawHttp.Response created = RawHttp.postJson("127.0.0.1", app.port(), "/api/v1/articles",
                Map.of("Authorization", "Bearer " + TestTokens.editor()), body);
        assertEquals(201, created.status(), created.bodyText());
        return JsonPath.from(created.bodyText()).getLong("id");
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }
}
