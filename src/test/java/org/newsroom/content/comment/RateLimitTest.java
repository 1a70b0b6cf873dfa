package org.newsroom.content.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.CommentCounts;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The production limits (5 a minute, 30 an hour) against a burst of 50 posts from one client, each with a forged
 * X-Forwarded-For; a second client, on another local address, still gets through.
 */
@QuarkusTest
@TestProfile(RateLimitTest.ProductionLimits.class)
class RateLimitTest {

    public static class ProductionLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.rate-limit.per-minute", "5", "content.comments.rate-limit.per-hour",
                    "30");
        }
    }

    @Test
    void letsTheConfiguredNumberThroughAndAnswers429WithRetryAfterToTheRest() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("burst")).jsonPath().getLong("id");
        // From an address no other test uses: the tests share one database, and 127.0.0.1 has posted plenty.
        String client = "127.1.0.1";
        String path = "/api/v1/articles/" + article + "/comments";
        ExecutorService burst = Executors.newFixedThreadPool(10);
        List<Future<RawHttp.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            sent.add(burst.submit(() -> RawHttp.send(client, RestAssured.port, "POST", path,
                    // A forged header must not make the same client look like fifty.
                    Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113." + n),
                    ("{\"authorName\":\"Burst\",\"body\":\"Burst message " + n + "\"}")
                            .getBytes(StandardCharsets.UTF_8))));
        }
        int created = 0;
        int limited = 0;
        for (Future<RawHttp.Response> answer : sent) {
            RawHttp.Response response = answer.get();
            if (response.status() == 201) {
                created++;
                continue;
            }
            limited++;
            problem(response, "RATE_LIMITED", path);
            long retryAfter = Long.parseLong(response.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        }
        burst.shutdown();
        assertEquals(5, created);
        assertEquals(45, limited);

        RawHttp.Response other = RawHttp.send("127.1.0.2", RestAssured.port, "POST",
                "/api/v1/articles/" + article + "/comments", Map.of("Content-Type", "application/json"),
                "{\"authorName\":\"Neighbour\",\"body\":\"Another client\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, other.status(), other.bodyText());
    }

    @Test
    void reportsAreLimitedPerClientLikeComments() {
        long article = Fixtures.publishedArticle(Fixtures.unique("reports")).jsonPath().getLong("id");
        List<Long> comments = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            // Each from its own address: the comments' own limit is not what this test is about.
            RawHttp.Response created = RawHttp.postJson("127.1.1." + (n + 1), RestAssured.port,
                    "/api/v1/articles/" + article + "/comments", Map.of(),
                    "{\"authorName\":\"Target\",\"body\":\"Reported " + n + "\"}");
            assertEquals(201, created.status(), created.bodyText());
            comments.add(JsonPath.from(created.bodyText()).getLong("id"));
        }
        String reporter = "127.1.2.1";
        for (long comment : comments.subList(0, 5)) {
            RawHttp.Response received = report(reporter, comment);
            assertEquals(202, received.status(), received.bodyText());
        }
        long sixth = comments.get(5);
        RawHttp.Response limited = report(reporter, sixth);
        JsonPath problem = problem(limited, "RATE_LIMITED", "/api/v1/comments/" + sixth + "/reports");
        assertEquals("At most 5 reports a minute from one address", problem.getString("detail"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        assertEquals(0, CommentCounts.of(sixth).reportRows(), "the refused report is not stored");

        // Another reader still reports it; and the reporter's comments count apart from its reports.
        assertEquals(202, report("127.1.2.2", sixth).status());
        assertEquals(1, CommentCounts.of(sixth).reportRows());
        RawHttp.Response comment = RawHttp.postJson(reporter, RestAssured.port,
                "/api/v1/articles/" + article + "/comments", Map.of(),
                "{\"authorName\":\"Reporter\",\"body\":\"Still allowed to comment\"}");
        assertEquals(201, comment.status(), comment.bodyText());
    }

    private static RawHttp.Response report(String from, long comment) {
        return RawHttp.postJson(from, RestAssured.port, "/api/v1/comments/" + comment + "/reports", Map.of(),
                "{\"reason\":\"spam\"}");
    }
}
