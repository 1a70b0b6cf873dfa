package org.newsroom.content.comment.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.DevServices;
import org.newsroom.content.support.PackagedApp;
import org.newsroom.content.support.PackagedAppServices;
import org.newsroom.content.support.ProblemAssertions;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.SseClient;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Live comments across instances (issue 14): two packaged instances on one PostgreSQL, A the one the framework
 * starts and B one this test starts. A comment posted through A reaches a stream open on B within a second (PostgreSQL's
 * notification wakes B's streams), and a client that lost its stream on A resumes on B with Last-Event-ID, missing
 * nothing and getting nothing twice. The measured times are printed ("CommentStreamIT").
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppServices.class)
class CommentStreamIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** How long the test goes on waiting past the bound, so that a failure says how late the event came. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** B's cap on open streams (content.comments.stream.max-per-instance), under the per-client one (10). */
    private static final int B_MAX_STREAMS = 2;

    private static PackagedApp instanceB;

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.stop();
            instanceB = null;
        }
    }

    @Test
    void aCommentPostedThroughAReachesAStreamOpenOnBWithinOneSecond() {
        int a = RestAssured.port;
        int b = instanceB().port();
        long article = publishedArticle(a);
        try (SseClient stream = open(b, article, Map.of())) {
            assertEquals(200, stream.status(), stream.body());
            stream.next(e -> e.comments().contains("ready"), GRACE).orElseThrow();
            for (int i = 0; i < 3; i++) {
                String body = "Through A " + i + " " + UUID.randomUUID();
                // Timed from when the POST is sent: the event may reach B before A's answer reaches this test.
                long postedAt = System.nanoTime();
                RawHttp.Response posted = post(a, article, body);
                SseClient.Event event = stream.next(e -> e.named("comment"), WITHIN.plus(GRACE))
                        .orElseThrow(() -> new AssertionError("no comment event on B; seen " + stream.seen()));
                Duration took = Duration.ofNanos(event.receivedAtNanos() - postedAt);
                System.out.println("CommentStreamIT: comment through A -> stream on B in " + took.toMillis() + " ms");
                assertEquals(JsonPath.from(posted.bodyText()).getLong("id"), JsonPath.from(event.data()).getLong("id"));
                assertEquals(body, JsonPath.from(event.data()).getString("body"));
                assertTrue(took.compareTo(WITHIN) <= 0, "B's stream got A's comment after " + took.toMillis() + " ms");
            }
        }
    }

    @Test
    void aClientThatLostItsStreamOnAResumesOnBWithNothingMissedAndNothingTwice() {
        int a = RestAssured.port;
        int b = instanceB().port();
        long article = publishedArticle(a);
        String resumeAt;
        try (SseClient onA = open(a, article, Map.of())) {
            onA.next(e -> e.comments().contains("ready"), GRACE).orElseThrow();
            long first = JsonPath.from(post(a, article, "Seen on A").bodyText()).getLong("id");
            SseClient.Event seen = onA.next(e -> e.named("comment"), GRACE).orElseThrow();
            assertEquals(first, JsonPath.from(seen.data()).getLong("id"));
            resumeAt = seen.id();
        }
        long missed1 = JsonPath.from(post(a, article, "Missed one").bodyText()).getLong("id");
        long missed2 = JsonPath.from(post(b, article, "Missed two").bodyText()).getLong("id");
        try (SseClient onB = open(b, article, Map.of("Last-Event-ID", resumeAt))) {
            assertEquals(200, onB.status(), onB.body());
            List<Long> replayed = onB.drain(Duration.ofSeconds(2)).stream().filter(e -> e.named("comment"))
                    .map(e -> JsonPath.from(e.data()).getLong("id")).toList();
            assertEquals(List.of(missed1, missed2), replayed);
        }
    }

    @Test
    void bRefusesOneStreamMoreThanItsCapWithA429ProblemAndRetryAfter() {
        int b = instanceB().port();
        long article = publishedArticle(RestAssured.port);
        List<SseClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < B_MAX_STREAMS; i++) {
                // The other tests' streams count until B has seen their connections close.
                SseClient[] stream = new SseClient[1];
                org.awaitility.Awaitility.await().atMost(GRACE).pollInterval(Duration.ofMillis(100)).until(() -> {
                    stream[0] = open(b, article, Map.of());
                    if (stream[0].status() != 200) {
                        stream[0].close();
                    }
                    return stream[0].status() == 200;
                });
                open.add(stream[0]);
            }
            String path = "/api/v1/articles/" + article + "/comments/stream";
            RawHttp.Response refused = RawHttp.send("127.0.0.1", b, "GET", path, Map.of("Accept", "text/event-stream"),
                    null);
            ProblemAssertions.problem(refused, "TOO_MANY_STREAMS", path);
            assertEquals("30", refused.header("Retry-After"));
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private static synchronized PackagedApp instanceB() {
        if (instanceB == null) {
            Map<String, String> settings = new HashMap<>(PackagedAppServices.settings(DevServices.postgresJdbcUrl()));
            settings.put("quarkus.http.port", "0");
            settings.put("content.comments.stream.max-per-instance", Integer.toString(B_MAX_STREAMS));
            instanceB = PackagedApp.start(settings);
        }
        return instanceB;
    }

    private static SseClient open(int port, long article, Map<String, String> headers) {
        return SseClient.open(port, "/api/v1/articles/" + article + "/comments/stream", headers);
    }

    private static RawHttp.Response post(int port, long article, String body) {
        RawHttp.Response posted = RawHttp.postJson("127.0.0.1", port, "/api/v1/articles/" + article + "/comments",
                Map.of(), "{\"authorName\":\"Two Instances\",\"body\":\"" + body + "\"}");
        assertEquals(201, posted.status(), posted.bodyText());
        return posted;
    }

    private static long publishedArticle(int port) {
        String body = "{\"headline\":\"Live on two instances " + UUID.randomUUID() + "\",\"status\":\"published\","
                + "\"publishedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\",\"paragraphs\":[{\"type\":"
                + "\"paragraph\",\"text\":\"Comments below.\"}]}";
        RawHttp.Response created = RawHttp.postJson("127.0.0.1", port, "/api/v1/articles",
                Map.of("Authorization", "Bearer " + TestTokens.editor()), body);
        assertEquals(201, created.status(), created.bodyText());
        return JsonPath.from(created.bodyText()).getLong("id");
    }
}
