package org.newsroom.content.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.DevServices;
import org.newsroom.content.shared.dev.EmbeddedPostgres;
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

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final long START_SECONDS = 60;

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
        Started app = start(settings);
        try {
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
        } finally {
            app.process().destroy();
            app.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    // ---- the packaged application

    private record Started(Process process, int port, List<String> output) {
    }

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
        Process process = launch(settings);
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = readInto(process, output, new CountDownLatch(1));
        boolean ended = process.waitFor(START_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String all = String.join("\n", output);
        assertTrue(ended, "it should have stopped:\n" + all);
        assertNotEquals(0, process.exitValue(), all);
        assertFalse(all.contains("Listening on:"), all);
        assertTrue(all.contains(expected), "expected \"" + expected + "\" in:\n" + all);
        return output;
    }

    private static Started start(Map<String, String> settings) throws Exception {
        Process process = launch(settings);
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        readInto(process, output, listening);
        if (!listening.await(START_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not start:\n" + String.join("\n", output));
        }
        for (String line : output) {
            Matcher port = LISTENING.matcher(line);
            if (port.find()) {
                return new Started(process, Integer.parseInt(port.group(1)), output);
            }
        }
        throw new AssertionError("no port in:\n" + String.join("\n", output));
    }

    private static Process launch(Map<String, String> settings) throws IOException {
        assertTrue(Files.exists(JAR), "package the application first (mvn verify)");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what this test gives: nothing from the environment that runs the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("MP_JWT")
                || name.startsWith("CONTENT_") || name.startsWith("SMALLRYE_"));
        return builder.start();
    }

    private static Thread readInto(Process process, List<String> output, CountDownLatch listening) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (LISTENING.matcher(line).find()) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output ended: " + e + ")");
            }
        }, "packaged-app-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static long publishedArticle(Started app) {
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
