package org.newsroom.content.shared.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.webhook.WebhookBacklog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * /q/metrics: HTTP requests by route template (a cached answer too) and never by raw path, id or slug; the pool's,
 * Hibernate's and the service's own meters, which move with what they count.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern LABEL_VALUE = Pattern.compile("=\"([^\"]*)\"");
    private static final Pattern URI_LABEL = Pattern.compile("uri=\"([^\"]*)\"");

    @Inject
    WebhookBacklog backlog;

    @Inject
    MovableClock clock;

    @Test
    void httpRequestsAreLabelledByRouteTemplateNeverByPathIdOrSlug() {
        ExtractableResponse<Response> article = Fixtures.publishedArticle(Fixtures.unique("metrics"));
        long id = article.jsonPath().getLong("id");
        String slug = article.jsonPath().getString("slug");
        for (int i = 0; i < 3; i++) {
            // The second and third are answered from memory, by the representation cache, before any resource.
            given().get("/api/v1/articles/{ref}", id).then().statusCode(200);
            given().get("/api/v1/articles/{ref}", slug).then().statusCode(200);
            given().get("/api/v1/articles/{ref}/comments", slug).then().statusCode(200);
        }
        String missing = Fixtures.unique("no-such-article");
        given().get("/api/v1/articles/{ref}", missing).then().statusCode(404);
        String nowhere = Fixtures.unique("nowhere");
        given().get("/api/v1/" + nowhere).then().statusCode(404);
        given().get("/feeds/articles.rss").then().statusCode(200);

        String metrics = scrape();
        Set<String> uris = new TreeSet<>();
        Matcher uri = URI_LABEL.matcher(metrics);
        while (uri.find()) {
            uris.add(uri.group(1));
        }
        assertTrue(uris.containsAll(List.of("/api/v1/articles/{ref}", "/api/v1/articles/{ref}/comments")), "" + uris);
        Set<String> values = new TreeSet<>();
        Matcher value = LABEL_VALUE.matcher(metrics);
        while (value.find()) {
            values.add(value.group(1));
        }
        for (String raw : List.of(slug, missing, nowhere, "/api/v1/articles/" + id)) {
            assertTrue(values.stream().noneMatch(label -> label.contains(raw)), raw + " is a label: " + values);
        }
        // Fixed latency buckets (shared/metrics/LatencyBuckets): 100 ms is one of them.
        List<String> buckets = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("uri=\"/api/v1/articles/{ref}\"") && line.contains("status=\"200\"")).toList();
        assertTrue(buckets.stream().anyMatch(line -> line.contains("le=\"0.1\"")), "a bucket at 100 ms: " + buckets);
    }

    @Test
    void theServicesOwnMetersCountWhatTheyName() {
        long article = Fixtures.publishedArticle(Fixtures.unique("metrics")).jsonPath().getLong("id");
        double posted = value("content_comments_posted_total{outcome=\"published\"}");
        double held = value("content_comments_posted_total{outcome=\"held\"}");
        double searches = value("content_searches_total");
        double notifications = value("content_cache_notifications_total");
        double feeds = value("content_feeds_total{kind=\"rss\"}");
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Counted", "body", "Visible at once"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Counted", "body", "A badword, held"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201);
        given().queryParam("q", Fixtures.unique("needle")).get("/api/v1/articles").then().statusCode(200);
        given().get("/feeds/articles.rss?section={section}", Fixtures.unique("unseen")).then().statusCode(200);
        backlog.count();

        assertEquals(posted + 1, value("content_comments_posted_total{outcome=\"published\"}"));
        assertEquals(held + 1, value("content_comments_posted_total{outcome=\"held\"}"));
        assertEquals(searches + 1, value("content_searches_total"));
        assertEquals(feeds + 1, value("content_feeds_total{kind=\"rss\"}"));
        org.awaitility.Awaitility.await().until(() -> value("content_cache_notifications_total") > notifications);
        String metrics = scrape();
        for (String meter : List.of("content_cache_hits_total", "content_cache_misses_total",
                "content_cache_evictions_total", "content_cache_size_bytes", "content_cache_entries",
                "content_cache_listener_reconnects_total", "content_idempotency_replays_total",
                "content_rate_limited_total{counted=\"comments\"}", "content_reports_total{outcome=\"filed\"}",
                "content_outbox_backlog", "content_webhooks_pending", "agroal_active_count",
                "hibernate_statements_total")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(meter)), meter + " is missing");
        }
    }

    /** Each tagged counter shows every value it can take from the start (at zero until counted), and no other. */
    @Test
    void taggedCountersShowEachOfTheirValuesAndNoOther() {
        String metrics = scrape();
        Map<String, List<String>> expected = Map.of(
                "content_moderation_decisions_total{action=", ServiceMetrics.MODERATION_ACTIONS,
                "content_feeds_total{kind=", ServiceMetrics.FEED_KINDS,
                "content_webhooks_attempts_total{outcome=", ServiceMetrics.WEBHOOK_OUTCOMES);
        expected.forEach((series, values) -> {
            List<String> shown = metrics.lines().filter(line -> line.startsWith(series))
                    .map(line -> line.substring(series.length() + 1, line.indexOf('"', series.length() + 1)))
                    .sorted().toList();
            assertEquals(values.stream().sorted().toList(), shown, series);
        });
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("content_searches_total ")),
                "content_searches_total");
    }

    /**
     * The outbox backlog counts an event as due by the service's clock, as the fan-out does: a publication scheduled
     * three hours ahead is not waiting yet, and is once the clock has passed its time (the database's own clock has
     * not).
     */
    @Test
    void theOutboxBacklogCountsWhatIsDueByTheServicesClock() {
        try {
            Fixtures.createArticle(
                    Map.of("headline", Fixtures.unique("Scheduled for the backlog"), "status", "published",
                            "publishedAt", Instant.now().plus(Duration.ofHours(3)).toString(), "paragraphs",
                            List.of(Map.of("type", "paragraph", "text", "Later."))));
            backlog.count();
            double before = value("content_outbox_backlog");
            clock.advance(Duration.ofHours(4));
            backlog.count();
            assertTrue(value("content_outbox_backlog") >= before + 1, "the scheduled publication is due now");
        } finally {
            clock.reset();
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one series named exactly so (0 when it has not been seen yet). */
    private static double value(String series) {
        return scrape().lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).split(" ")[0])).orElse(0.0);
    }
}
