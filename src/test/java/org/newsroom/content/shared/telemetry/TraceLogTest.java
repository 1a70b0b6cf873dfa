package org.newsroom.content.shared.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.cache.RepresentationCache;
import org.newsroom.content.support.Fixtures;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The trace id a problem body carries is the one of its request's log lines (README: Traces and logs), and the access
 * log names each request by its route template, never by its path.
 */
@QuarkusTest
class TraceLogTest {

    private static final String HEX_32 = "[0-9a-f]{32}";

    @Inject
    RepresentationCache cache;

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    private LogCapture logs;

    @BeforeEach
    void capture() {
        logs = new LogCapture();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void withoutAnEndpointSpansAreDroppedInTheProcess() {
        // Quarkus installs its OTLP exporter only when no SpanExporter bean exists (SpansKeptInProcess says why).
        assertTrue(exporters.isResolvable());
        assertInstanceOf(SpansKeptInProcess.class, exporters.get());
    }

    @Test
    void aProblemFromAnEndpointNamesTheTraceOfItsAccessLine() {
        String slug = Fixtures.unique("no-such-story");
        String path = "/api/v1/articles/" + slug;
        String traceId = problem(given().get(path).then(), "NOT_FOUND", path).extract().path("traceId");
        assertTrue(traceId.matches(HEX_32), traceId);

        Map<String, String> line = accessLine(traceId);
        assertEquals("GET", line.get("method"));
        assertEquals("/api/v1/articles/{ref}", line.get("route"));
        assertEquals("404", line.get("status"));
        assertTrue(line.get("ms").matches("\\d+\\.\\d"), line.toString());
        assertEquals("127.0.0.0/24", line.get("client"), "the client's network, never its address");
        assertNoRawPath(slug);
    }

    @Test
    void problemsAnsweredBeforeTheRestLayerCarryTheTraceIdToo() {
        String unknown = "/" + Fixtures.unique("nowhere");
        String traceId = problem(given().get(unknown).then(), "NOT_FOUND", unknown).extract().path("traceId");
        assertEquals("NOT_FOUND", accessLine(traceId).get("route"));
        assertNoRawPath(unknown);

        // A comment body over 64 KiB is refused by a Vert.x route, before any endpoint matches.
        long article = Fixtures.publishedArticle("world").<Number>path("id").longValue();
        String comments = "/api/v1/articles/" + article + "/comments";
        String tooLarge = "{\"authorName\":\"A\",\"body\":\"" + "x".repeat(70_000) + "\"}";
        String refused = problem(given().contentType(ContentType.JSON).body(tooLarge).post(comments).then(),
                "PAYLOAD_TOO_LARGE", comments).extract().path("traceId");
        assertTrue(refused.matches(HEX_32), refused);
        Map<String, String> line = accessLine(refused);
        assertEquals("POST", line.get("method"));
        assertEquals("413", line.get("status"));
        assertEquals("UNMATCHED", line.get("route"));
    }

    @Test
    void cachedReadsAnsweredOnTheEventLoopAreLoggedWithTheirEndpointsRoute() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle("world");
        String slug = created.path("slug");
        String path = "/api/v1/articles/" + slug;
        given().get(path).then().statusCode(200);
        long hits = cache.statistics().hits();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            given().get(path).then().statusCode(200);
            return cache.statistics().hits() > hits;
        });
        List<Map<String, String>> reads = logs.lines().stream()
                .filter(line -> AccessLog.CATEGORY.equals(line.category()))
                .map(line -> fields(line.message()))
                .filter(line -> "GET".equals(line.get("method")) && "200".equals(line.get("status")))
                .collect(Collectors.toList());
        assertTrue(reads.size() >= 2, reads.toString());
        reads.forEach(line -> assertEquals("/api/v1/articles/{ref}", line.get("route"), line.toString()));
        assertNoRawPath(slug);
    }

    /**
     * The one access line of the request with this trace id: named in its message (so in the JSON's message too) and
     * in its MDC, as every log line of the request is (the console format's and the JSON's traceId).
     */
    private Map<String, String> accessLine(String traceId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> accessLines(traceId).size() == 1);
        LogCapture.Line line = accessLines(traceId).get(0);
        assertEquals(traceId, line.mdcTraceId(), line.toString());
        return fields(line.message());
    }

    private List<LogCapture.Line> accessLines(String traceId) {
        return logs.lines().stream()
                .filter(line -> AccessLog.CATEGORY.equals(line.category()))
                .filter(line -> line.message().endsWith(" traceId=" + traceId))
                .collect(Collectors.toList());
    }

    private void assertNoRawPath(String fragment) {
        logs.lines().stream().filter(line -> AccessLog.CATEGORY.equals(line.category()))
                .forEach(line -> assertFalse(line.message().contains(fragment), line.message()));
    }

    private static Map<String, String> fields(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : message.split(" ")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return fields;
    }
}
