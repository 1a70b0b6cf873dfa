package org.newsroom.content.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** The hourly window, shrunk to 3 so that the test does not wait: the fourth post waits for most of an hour. */
@QuarkusTest
@TestProfile(HourlyRateLimitTest.ThreeAnHour.class)
class HourlyRateLimitTest {

    public static class ThreeAnHour implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.rate-limit.per-minute", "100", "content.comments.rate-limit.per-hour",
                    "3");
        }
    }

    @Test
    void refusesTheFourthPostOfTheHourWellWithinTheMinuteLimit() {
        long article = Fixtures.publishedArticle(Fixtures.unique("hourly")).jsonPath().getLong("id");
        // From an address no other test uses: the tests share one database, and 127.0.0.1 has posted plenty.
        String path = "/api/v1/articles/" + article + "/comments";
        for (int i = 0; i < 3; i++) {
            RawHttp.Response created = post(path, "Post " + i);
            assertEquals(201, created.status(), created.bodyText());
        }
        RawHttp.Response refused = post(path, "More");
        assertEquals("At most 3 comments an hour from one address",
                problem(refused, "RATE_LIMITED", path).getString("detail"));
        String retryAfter = refused.header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 3000, "Retry-After " + retryAfter);
    }

    private static RawHttp.Response post(String path, String body) {
        return RawHttp.send("127.1.0.3", RestAssured.port, "POST", path, Map.of("Content-Type", "application/json"),
                ("{\"authorName\":\"Hourly\",\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
