package org.newsroom.content.comment.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.content.support.ModerationQueue.findInQueue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(StrictRulesProfiles.PreModeration.class)
class PreModerationTest {

    @Test
    void holdsEveryCommentUntilAModeratorApprovesIt() {
        long article = Fixtures.publishedArticle(Fixtures.unique("pre")).jsonPath().getLong("id");
        int id = given().contentType(ContentType.JSON).body(Map.of("authorName", "Patient", "body", "Perfectly fine"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201)
                .body("status", equalTo("pending")).extract().path("id");
        given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200).body("items", hasSize(0));
        problem(given().get("/api/v1/comments/{id}", id).then(), "NOT_FOUND", "/api/v1/comments/" + id);

        // In the default (pending) queue, on whichever page it falls.
        Map<String, Object> queued = findInQueue(null, id);
        assertEquals("pre-moderation", queued.get("heldReason"));
        approve(id, (String) queued.get("etag"));
        given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void anAuthorsEditOfAnApprovedCommentWaitsForAModeratorAgain() {
        long article = Fixtures.publishedArticle(Fixtures.unique("pre")).jsonPath().getLong("id");
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Patient", "body", "Perfectly fine")).post("/api/v1/articles/{id}/comments",
                        article)
                .then().statusCode(201).extract();
        int id = created.path("id");
        String token = created.path("token");
        approve(id, (String) findInQueue(null, id).get("etag"));
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("body", equalTo("Perfectly fine"));

        // Rewritten inside the edit window: the approved words are gone, and so is the comment until a moderator looks.
        given().header("Comment-Token", token).contentType(ContentType.JSON)
                .body(Map.of("body", "Something the moderator never read")).patch("/api/v1/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("pending"));
        problem(given().get("/api/v1/comments/{id}", id).then(), "NOT_FOUND", "/api/v1/comments/" + id);
        given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200).body("items", hasSize(0));
        Map<String, Object> queued = findInQueue(null, id);
        assertEquals("pre-moderation", queued.get("heldReason"));
        assertEquals("Something the moderator never read", queued.get("body"));
        approve(id, (String) queued.get("etag"));
        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("body", equalTo("Something the moderator never read"));
    }

    private static void approve(int id, String etag) {
        given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "approve", "reason", "fine"))
                .post("/api/v1/moderation/comments/{id}/decision", id)
                .then().statusCode(200).body("status", equalTo("published")).body("heldReason", equalTo(null));
    }
}
