package org.newsroom.content.comment.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.support.OutboxRows;
import org.newsroom.content.support.ProblemAssertions;
import org.newsroom.content.support.SseClient;
import org.newsroom.content.support.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The live comment stream (docs/http-api.md: Live comments) on one instance: what it sends, in which order, what a
 * reconnect with Last-Event-ID replays, the bound on it, the caps, the heartbeat and the end of a closed article's
 * stream. Outbox rows whose transactions the test must control are written by hand ({@link OutboxRows}).
 */
@QuarkusTest
class CommentStreamTest {

    /** Within this a change reaches an open stream (locally: the commit's own wake-up). */
    private static final Duration SOON = Duration.ofSeconds(3);
    /** How long the test watches for what must not come. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxReads reads;

    @Inject
    CommentStreamHub hub;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void sendsACommentPostedWhileTheStreamIsOpenAsItsPublicJsonNeverCachedNorCompressed() {
        long article = publishedArticle();
        try (SseClient stream = open(article, Map.of("Accept-Encoding", "gzip"))) {
            assertEquals(200, stream.status(), stream.body());
            assertTrue(stream.header("Content-Type").orElseThrow().startsWith("text/event-stream"));
            assertEquals("no-store", stream.header("Cache-Control").orElseThrow());
            assertTrue(stream.header("Content-Encoding").isEmpty(), "a stream is never compressed (buffered)");
            SseClient.Event ready = stream.next(SOON).orElseThrow();
            assertEquals(List.of("ready"), ready.comments());
            assertNotNull(StreamPosition.parse(ready.id()).orElse(null), "the position to resume from: " + ready);

            long comment = postComment(article, "Live words", null);
            SseClient.Event sent = awaitNamed(stream, "comment");
            JsonPath data = JsonPath.from(sent.data());
            assertEquals(comment, data.getLong("id"));
            assertEquals(article, data.getLong("articleId"));
            assertEquals("Live words", data.getString("body"));
            assertEquals("Stream Tester", data.getString("authorName"));
            assertEquals("published", data.getString("status"));
            assertEquals(0, data.getInt("replyCount"));
            assertNull(data.get("token"), "the author's token is never in the stream");
            assertNotNull(StreamPosition.parse(sent.id()).orElse(null), sent.toString());
            // As docs/http-api.md §12 shows it.
            List<String> lines = stream.lines();
            assertEquals(List.of(":ready", "id:" + ready.id(), "retry:2000", ""), lines.subList(0, 4));
            int at = lines.indexOf("id:" + sent.id());
            assertEquals(List.of("id:" + sent.id(), "event:comment", "data:" + sent.data(), ""),
                    lines.subList(at, at + 4), String.join("\n", lines));
        }
    }

    @Test
    void aReplySendsItsCommentAndItsThreadsReplyCountAndARemovalSendsRemoved() {
        long article = publishedArticle();
        try (SseClient stream = open(article, Map.of())) {
            var root = given().contentType(ContentType.JSON)
                    .body(Map.of("authorName", "Stream Tester", "body", "The root"))
                    .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath();
            long rootId = root.getLong("id");
            long reply = postComment(article, "A reply", rootId);
            assertEquals(rootId, JsonPath.from(awaitNamed(stream, "comment").data()).getLong("id"));
            SseClient.Event replied = awaitNamed(stream, "comment");
            assertEquals(reply, JsonPath.from(replied.data()).getLong("id"));
            assertEquals(rootId, JsonPath.from(replied.data()).getLong("parentId"));
            SseClient.Event replies = awaitNamed(stream, "replies");
            assertEquals(Map.of("id", (int) rootId, "replyCount", 1), JsonPath.from(replies.data()).getMap("$"));

            given().header("Comment-Token", root.getString("token")).delete("/api/v1/comments/{id}", rootId).then()
                    .statusCode(204);
            SseClient.Event removed = awaitNamed(stream, "removed");
            assertEquals(Map.of("id", (int) rootId), JsonPath.from(removed.data()).getMap("$"));
        }
    }

    @Test
    void aHeldCommentIsNeverSent() {
        long article = publishedArticle();
        try (SseClient stream = open(article, Map.of())) {
            stream.next(SOON).orElseThrow();
            long held = given().contentType(ContentType.JSON)
                    .body(Map.of("authorName", "Stream Tester", "body", "This has a badword in it"))
                    .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            long shown = postComment(article, "A fine comment", null);
            SseClient.Event next = awaitNamed(stream, "comment");
            assertEquals(shown, JsonPath.from(next.data()).getLong("id"), "the held one came first: " + next);
            assertTrue(stream.seen().stream().noneMatch(e -> e.data() != null && e.data().contains("badword")));
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyWhatWasMissed() {
        long article = publishedArticle();
        String resumeAt;
        try (SseClient first = open(article, Map.of())) {
            first.next(SOON).orElseThrow();
            long seen = postComment(article, "Seen before the break", null);
            SseClient.Event event = awaitNamed(first, "comment");
            assertEquals(seen, JsonPath.from(event.data()).getLong("id"));
            resumeAt = event.id();
        }
        long missed1 = postComment(article, "Missed one", null);
        long missed2 = postComment(article, "Missed two", null);
        try (SseClient again = open(article, Map.of("Last-Event-ID", resumeAt))) {
            assertEquals(200, again.status(), again.body());
            assertEquals(List.of(missed1, missed2), commentIds(again.drain(QUIET)));
            long after = postComment(article, "After the reconnect", null);
            assertEquals(after, JsonPath.from(awaitNamed(again, "comment").data()).getLong("id"));
        }
    }

    /**
     * Identity ids are taken in one order and committed in another: the event of an older transaction that commits
     * after a newer one is sent first, the newer one held back until then, and a reconnect from before both gets both,
     * in that order, once.
     */
    @Test
    void anOlderTransactionCommittingAfterANewerOneIsSentFirstAndNothingIsSkipped() throws Exception {
        long article = publishedArticle();
        long older = postComment(article, "Older transaction", null);
        long newer = postComment(article, "Newer transaction", null);
        try (SseClient live = open(article, Map.of())) {
            String before = live.next(SOON).orElseThrow().id();
            String olderPosition;
            String newerPosition;
            try (Connection first = database.getConnection(); Connection second = database.getConnection()) {
                first.setAutoCommit(false);
                olderPosition = OutboxRows.insert(first, "comment.updated", article, older, null, "published",
                        "published");
                newerPosition = OutboxRows.insert(second, "comment.updated", article, newer, null, "published",
                        "published");
                OutboxRows.wake(second, article);
                assertTrue(StreamPosition.parse(newerPosition).orElseThrow()
                        .isAfter(StreamPosition.parse(olderPosition).orElseThrow()));
                assertTrue(live.drain(QUIET).stream().noneMatch(e -> e.named("comment")),
                        "nothing passes an older transaction still running");
                OutboxRows.wake(first, article);
                first.commit();
            }
            List<SseClient.Event> sent = new ArrayList<>();
            sent.add(awaitNamed(live, "comment"));
            sent.add(awaitNamed(live, "comment"));
            assertEquals(List.of(older, newer), commentIds(sent));
            assertEquals(List.of(olderPosition, newerPosition), sent.stream().map(SseClient.Event::id).toList());

            try (SseClient resumed = open(article, Map.of("Last-Event-ID", before))) {
                List<SseClient.Event> replayed = resumed.drain(QUIET).stream().filter(e -> e.named("comment"))
                        .toList();
                assertEquals(List.of(older, newer), commentIds(replayed));
                assertEquals(List.of(olderPosition, newerPosition),
                        replayed.stream().map(SseClient.Event::id).toList());
            }
        }
    }

    @Test
    void aClientFurtherBehindThanTheReplayLimitIsToldToReloadAndContinuesFromNow() throws Exception {
        long article = publishedArticle();
        long comment = postComment(article, "Edited again and again", null);
        String resumeAt;
        try (SseClient first = open(article, Map.of())) {
            resumeAt = first.next(SOON).orElseThrow().id();
        }
        try (Connection connection = database.getConnection()) {
            // content.comments.stream.replay-limit is 5 in the tests.
            for (int i = 0; i < 6; i++) {
                OutboxRows.insert(connection, "comment.updated", article, comment, null, "published", "published");
            }
        }
        try (SseClient behind = open(article, Map.of("Last-Event-ID", resumeAt))) {
            SseClient.Event reload = behind.next(e -> e.name() != null, SOON).orElseThrow();
            assertEquals("reload", reload.name(), reload.toString());
            assertEquals("behind", JsonPath.from(reload.data()).getString("reason"));
            assertNotNull(reload.id());
            assertTrue(behind.drain(QUIET).stream().noneMatch(e -> e.named("comment")), "no replay after a reload");
            long next = postComment(article, "After the reload", null);
            assertEquals(next, JsonPath.from(awaitNamed(behind, "comment").data()).getLong("id"));
        }
        try (SseClient purged = open(article, Map.of("Last-Event-ID", "1-1"))) {
            SseClient.Event reload = purged.next(e -> e.name() != null, SOON).orElseThrow();
            assertEquals("reload", reload.name(), reload.toString());
            assertEquals("purged", JsonPath.from(reload.data()).getString("reason"));
        }
    }

    @Test
    void sendsAHeartbeatLine() {
        long article = publishedArticle();
        try (SseClient stream = open(article, Map.of())) {
            // content.comments.stream.heartbeat is PT1S in the tests.
            Optional<SseClient.Event> heartbeat = stream.next(e -> e.comments().contains("heartbeat"),
                    Duration.ofSeconds(5));
            assertTrue(heartbeat.isPresent(), "heartbeats: " + stream.seen());
            assertNotNull(StreamPosition.parse(heartbeat.get().id()).orElse(null), "it carries the position");
        }
    }

    @Test
    void closingTheArticlesCommentsEndsItsStreamsAndNewOnesAreRefused() {
        var created = Fixtures.publishedArticle("local");
        long article = created.jsonPath().getLong("id");
        try (SseClient stream = open(article, Map.of())) {
            stream.next(SOON).orElseThrow();
            given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                    .contentType("application/merge-patch+json").body(Map.of("commentsOpen", false))
                    .patch("/api/v1/articles/{id}", article).then().statusCode(200);
            SseClient.Event closed = awaitNamed(stream, "closed");
            assertEquals("comments-closed", JsonPath.from(closed.data()).getString("reason"));
            Awaitility.awaitEnded(stream);
        }
        ProblemAssertions.problem(given().accept("text/event-stream")
                .get("/api/v1/articles/{id}/comments/stream", article).then(), "COMMENTS_CLOSED",
                "/api/v1/articles/" + article + "/comments/stream");
    }

    @Test
    void theEndOfTheCommentPeriodEndsTheStreamWithinAHeartbeat() {
        long article = publishedArticle();
        try (SseClient stream = open(article, Map.of())) {
            stream.next(SOON).orElseThrow();
            // content.comments.close-after is P14D; the heartbeat (PT1S in the tests) looks at the article again.
            clock.advance(Duration.ofDays(15));
            assertEquals("comments-closed", JsonPath.from(awaitNamed(stream, "closed").data()).getString("reason"));
            Awaitility.awaitEnded(stream);
        }
    }

    @Test
    void unpublishingTheArticleEndsItsStreams() {
        var created = Fixtures.publishedArticle("local");
        long article = created.jsonPath().getLong("id");
        try (SseClient stream = open(article, Map.of())) {
            stream.next(SOON).orElseThrow();
            given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                    .contentType("application/merge-patch+json").body(Map.of("status", "draft"))
                    .patch("/api/v1/articles/{id}", article).then().statusCode(200);
            assertEquals("unpublished", JsonPath.from(awaitNamed(stream, "closed").data()).getString("reason"));
        }
        ProblemAssertions.problem(given().accept("text/event-stream")
                .get("/api/v1/articles/{id}/comments/stream", article).then(), "NOT_FOUND",
                "/api/v1/articles/" + article + "/comments/stream");
    }

    @Test
    void refusesUnknownArticlesAndMalformedLastEventIdsWithProblems() {
        ProblemAssertions.problem(given().accept("text/event-stream")
                .get("/api/v1/articles/no-such-article-anywhere/comments/stream").then(), "NOT_FOUND",
                "/api/v1/articles/no-such-article-anywhere/comments/stream");
        long article = publishedArticle();
        String path = "/api/v1/articles/" + article + "/comments/stream";
        ProblemAssertions.problem(given().accept("text/event-stream").header("Last-Event-ID", "yesterday")
                .get(path).then(), "VALIDATION_FAILED", path);
        ProblemAssertions.problem(given().accept("text/event-stream").queryParam("since", "1").get(path).then(),
                "UNKNOWN_PARAMETER", path);
    }

    @Test
    void headAnswersTheStreamsHeadersAndHoldsNothingOpen() {
        long article = publishedArticle();
        int before = hub.openStreams();
        given().head("/api/v1/articles/{id}/comments/stream", article).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/event-stream"))
                .header("Cache-Control", "no-store");
        assertTrue(hub.openStreams() <= before, "a HEAD opens no stream");
    }

    @Test
    void aClientMayHoldFourStreamsAndTheFifthIsA429ProblemWithRetryAfter() {
        long article = publishedArticle();
        List<SseClient> streams = new ArrayList<>();
        try {
            // content.comments.stream.max-per-client is 4 in the tests.
            for (int i = 0; i < 4; i++) {
                SseClient stream = open(article, Map.of());
                streams.add(stream);
                assertEquals(200, stream.status(), stream.body());
            }
            String path = "/api/v1/articles/" + article + "/comments/stream";
            ProblemAssertions.problem(given().accept("text/event-stream").get(path).then().header("Retry-After", "30"),
                    "TOO_MANY_STREAMS", path);
            streams.remove(0).close();
            Awaitility.await(() -> {
                try (SseClient another = open(article, Map.of())) {
                    return another.status() == 200;
                }
            });
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    /**
     * One statement per article per wake-up, shared by all of its streams on the instance (not one per stream): four
     * streams of one article get a new comment from at most three statements (the commit's own wake-up, PostgreSQL's
     * notification, and one to spare for a heartbeat's look or the last opening's), where a statement per stream would
     * be four at least.
     */
    @Test
    void theStreamsOfAnArticleShareOneStatementPerWakeUp() {
        long article = publishedArticle();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient[] stream = new SseClient[1];
                // Other tests' streams count against the per-client cap until their connections are seen closed.
                Awaitility.await(() -> {
                    stream[0] = open(article, Map.of());
                    if (stream[0].status() != 200) {
                        stream[0].close();
                    }
                    return stream[0].status() == 200;
                });
                streams.add(stream[0]);
                stream[0].next(e -> e.comments().contains("ready"), SOON).orElseThrow();
            }
            long before = reads.looks();
            long comment = postComment(article, "Shared", null);
            for (SseClient stream : streams) {
                assertEquals(comment, JsonPath.from(awaitNamed(stream, "comment").data()).getLong("id"));
            }
            long statements = reads.looks() - before;
            assertTrue(statements <= 3, statements + " statements brought one comment to four streams");
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    // ---- helpers

    private static long publishedArticle() {
        return Fixtures.createArticle(Map.of("headline", Fixtures.unique("Live story"), "status", "published",
                "publishedAt", Instant.now().minusSeconds(60).toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Comments below.")))).jsonPath().getLong("id");
    }

    private long postComment(long article, String body, Long parentId) {
        Map<String, Object> request = parentId == null
                ? Map.of("authorName", "Stream Tester", "body", body)
                : Map.of("authorName", "Stream Tester", "body", body, "parentId", parentId);
        long id = given().contentType(ContentType.JSON).body(request)
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        return id;
    }

    private static SseClient open(long article, Map<String, String> headers) {
        return SseClient.open(RestAssured.port, "/api/v1/articles/" + article + "/comments/stream", headers);
    }

    private static SseClient.Event awaitNamed(SseClient stream, String name) {
        return stream.next(e -> e.named(name), SOON)
                .orElseThrow(() -> new AssertionError("no '" + name + "' event within " + SOON + "; seen: "
                        + stream.seen()));
    }

    private static List<Long> commentIds(List<SseClient.Event> events) {
        return events.stream().filter(e -> e.named("comment")).map(e -> JsonPath.from(e.data()).getLong("id"))
                .toList();
    }

    /** Waits with Awaitility (another process, or this one's own threads, decide when). */
    private static final class Awaitility {

        static void await(java.util.concurrent.Callable<Boolean> condition) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(condition);
        }

        static void awaitEnded(SseClient stream) {
            await(() -> {
                stream.drain(Duration.ofMillis(10));
                return stream.ended();
            });
            assertFalse(stream.next(Duration.ofMillis(10)).isPresent());
        }
    }
}
