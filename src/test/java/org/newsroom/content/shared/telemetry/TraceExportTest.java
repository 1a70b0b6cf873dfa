package org.newsroom.content.shared.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With an OTLP endpoint configured, the spans of requests and of their JDBC statements reach it (README: Traces and
 * logs); without one (every other test), nothing is sent and nothing warns.
 */
@QuarkusTest
@TestProfile(TraceExportTest.WithCollector.class)
@WithTestResource(OtlpCollector.class)
class TraceExportTest {

    /** A profile of its own, so that the collector's endpoint applies to this test's application only. */
    public static class WithCollector implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ConfigProperty(name = OtlpCollector.ADDRESS)
    String collector;

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void requestsAndTheirStatementsAreExportedToTheConfiguredCollector() throws Exception {
        assertTrue(exporters.isUnsatisfied(), "no exporter bean: Quarkus installs its OTLP exporter");
        String slug = Fixtures.publishedArticle("world").path("slug");
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        // The server span, named by its route template (never the slug), and a JDBC span of PostgreSQL.
        await().atMost(Duration.ofSeconds(20)).until(() -> seen("GET /api/v1/articles/{ref}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> seen("postgresql"));
        assertTrue(seen("/api/v1/articles/{ref}"));
    }

    private boolean seen(String text) throws Exception {
        HttpRequest ask = HttpRequest.newBuilder(
                URI.create(collector + "/seen?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))).build();
        return CLIENT.send(ask, HttpResponse.BodyHandlers.ofString()).body().endsWith(" true");
    }
}
