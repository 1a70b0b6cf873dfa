package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.CommentCounts;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationQueue;
import org.newsroom.content.support.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The counters on a comment's row under concurrent writes: ten clients report one comment at the same instant, or
 * reply to one comment at the same instant, and every one of them is answered as if it had come alone and counted
 * exactly once. Each client sends from its own loopback address (127.x.y.z: all of 127/8 is loopback on Linux): a
 * report counts once per address, and one address's posts take turns on its rate-limit lock, which would hide the
 * race between replies.
 * <p>
 * Reports would hold a comment after three (and then the later ones find it gone, a 404): this profile raises that
 * limit beyond reach, so that all ten land on a published comment. Reads the database in-process: no IT variant.
 */
@QuarkusTest
@TestProfile(ConcurrentCountersTest.ReportsNeverHold.class)
class ConcurrentCountersTest {

    public static class ReportsNeverHold implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.reports-to-hold", "1000");
        }
    }

    private static final int CLIENTS = 10;
    private static final int REPORTED_COMMENTS = 20;
    private static final int REPLY_ROUNDS = 5;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CLIENTS);

    @AfterAll
    static void stopClients() {
        POOL.shutdownNow();
    }

    @Test
    void countsTenReportsSentAtOnceFromTenAddressesAsTenOnEveryCommentAnsweringEachWith202() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("reported")).jsonPath().getLong("id");
        List<String> wrong = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        for (int round = 0; round < REPORTED_COMMENTS; round++) {
            long comment = topLevelComment(article, "Reported at once, round " + round);
            reported.add(comment);
            String path = "/api/v1/comments/" + comment + "/reports";
            int third = round;
            List<RawHttp.Response> answers = atOnce(client -> RawHttp.postJson(address(1, third, client),
                    RestAssured.port, path, Map.of(), "{\"reason\":\"spam\",\"detail\":\"Client " + client + "\"}"));
            String where = "report round " + round + " (comment " + comment + "): ";
            List<String> unexpected = unexpectedAnswers(answers, 202);
            if (!unexpected.isEmpty()) {
                wrong.add(where + "answers other than 202: " + unexpected);
            }
            CommentCounts.Stored stored = CommentCounts.of(comment);
            if (stored.reportRows() != CLIENTS || stored.reportCount() != CLIENTS
                    || !stored.status().equals("PUBLISHED")) {
                wrong.add(where + "stored " + stored + ", expected " + CLIENTS + " report rows and reportCount "
                        + CLIENTS + " on a published comment");
            }
        }
        System.out.printf("%s: %d comments, each reported by %d clients at once; %d rounds wrong%n",
                getClass().getSimpleName(), REPORTED_COMMENTS, CLIENTS, wrong.size());
        assertEquals(List.of(), wrong);

        // What moderators see agrees: every one is in the reported queue, still published, reported ten times.
        Set<Long> ours = Set.copyOf(reported);
        Map<Long, Map<String, Object>> queued = ModerationQueue.queueItems("reported").stream()
                .filter(item -> ours.contains(((Integer) item.get("id")).longValue()))
                .collect(Collectors.toMap(item -> ((Integer) item.get("id")).longValue(), item -> item));
        assertEquals(ours, queued.keySet(), "every reported comment is in the reported queue");
        for (Map<String, Object> item : queued.values()) {
            assertEquals(CLIENTS, item.get("reportCount"), item.toString());
            assertEquals("published", item.get("status"), item.toString());
        }
    }

    @Test
    void countsTenRepliesSentAtOnceFromTenAddressesAsTenOnTheirParentAnsweringEachWith201() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("replied")).jsonPath().getLong("id");
        String path = "/api/v1/articles/" + article + "/comments";
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < REPLY_ROUNDS; round++) {
            long parent = topLevelComment(article, "Replied to at once, round " + round);
            int third = round;
            List<RawHttp.Response> answers = atOnce(client -> RawHttp.postJson(address(2, third, client),
                    RestAssured.port, path, Map.of(), "{\"authorName\":\"Replier " + client
                            + "\",\"body\":\"Reply " + client + " in round " + third + "\",\"parentId\":" + parent
                            + "}"));
            String where = "reply round " + round + " (parent " + parent + "): ";
            List<String> unexpected = unexpectedAnswers(answers, 201);
            if (!unexpected.isEmpty()) {
                wrong.add(where + "answers other than 201: " + unexpected);
            }
            int replyCount = given().get("/api/v1/comments/{id}", parent).then().statusCode(200).extract().jsonPath()
                    .getInt("replyCount");
            int listed = given().queryParam("limit", 100).get("/api/v1/comments/{id}/replies", parent).then()
                    .statusCode(200).extract().jsonPath().getList("items").size();
            if (replyCount != CLIENTS || listed != CLIENTS) {
                wrong.add(where + "replyCount " + replyCount + " and " + listed + " replies listed, expected "
                        + CLIENTS + " and " + CLIENTS + " (stored: " + CommentCounts.of(parent) + ")");
            }
        }
        System.out.printf("%s: %d parents, each replied to by %d clients at once; %d rounds wrong%n",
                getClass().getSimpleName(), REPLY_ROUNDS, CLIENTS, wrong.size());
        assertEquals(List.of(), wrong);
    }

    private static long topLevelComment(long article, String body) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Commenter", "body", body + " " + Fixtures.unique("c")))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /**
     * A loopback address of its own for each client of each round and test: 127.{test}.{round}.{client + 1}, so that
     * no two requests in this class (nor in another test, which all send from 127.0.x.x or 127.1.x.x) share one.
     */
    private static String address(int test, int round, int client) {
        return "127." + (100 + test) + "." + round + "." + (client + 1);
    }

    /**
     * Runs one request per client, all released by one latch once every client thread is waiting at it, and answers
     * their answers in client order.
     */
    private static List<RawHttp.Response> atOnce(IntFunction<RawHttp.Response> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RawHttp.Response>> sent = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int me = client;
            Callable<RawHttp.Response> task = () -> {
                ready.countDown();
                start.await();
                return request.apply(me);
            };
            sent.add(POOL.submit(task));
        }
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the clients did not all get ready");
        }
        start.countDown();
        List<RawHttp.Response> answers = new ArrayList<>();
        for (Future<RawHttp.Response> answer : sent) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** Each answer whose status is not {@code expected}, with its body: a 5xx, a 409 or a 412 shows here. */
    private static List<String> unexpectedAnswers(List<RawHttp.Response> answers, int expected) {
        List<String> unexpected = new ArrayList<>();
        for (int client = 0; client < answers.size(); client++) {
            RawHttp.Response answer = answers.get(client);
            if (answer.status() != expected) {
                String body = new String(answer.body(), StandardCharsets.UTF_8);
                unexpected.add("client " + client + ": " + answer.status() + " "
                        + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            }
        }
        return unexpected;
    }
}
