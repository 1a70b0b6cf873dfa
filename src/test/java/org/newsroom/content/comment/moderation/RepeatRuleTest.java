package org.newsroom.content.comment.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.content.support.ModerationQueue.findInQueue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(StrictRulesProfiles.RepeatRule.class)
class RepeatRuleTest {

    @Test
    void holdsTheSameClientsSameBodyWithinADay() {
        long first = Fixtures.publishedArticle(Fixtures.unique("repeat")).jsonPath().getLong("id");
        long second = Fixtures.publishedArticle(Fixtures.unique("repeat")).jsonPath().getLong("id");
        String body = Fixtures.unique("Buy cheap watches now");
        post(first, body).then().statusCode(201).body("status", equalTo("published"));
        // Again, even on another article: held for a moderator, and the author is told so.
        var repeated = post(second, body).then().statusCode(201).body("status", equalTo("pending")).extract();
        int repeatedId = repeated.path("id");
        given().get("/api/v1/articles/{id}/comments", second).then().statusCode(200)
                .body("items.id", not(hasItem(repeatedId)));
        given().header("Comment-Token", repeated.path("token").toString()).get("/api/v1/comments/{id}", repeatedId)
                .then().statusCode(200).body("status", equalTo("pending"));
        assertEquals("repeated", findInQueue("pending", repeatedId).get("heldReason"));
        // Something new from the same client is fine.
        post(second, body + ", or not").then().statusCode(201).body("status", equalTo("published"));
    }

    private static Response post(long article, String body) {
        return given().contentType(ContentType.JSON).body(Map.of("authorName", "Seller", "body", body))
                .post("/api/v1/articles/{id}/comments", article);
    }
}
