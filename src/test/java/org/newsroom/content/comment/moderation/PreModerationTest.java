package org.newsroom.content.comment.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

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
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);

        given().auth().oauth2(TestTokens.moderator()).get("/api/v1/moderation/comments?limit=100").then()
                .statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == " + id + " }.heldReason", equalTo("pre-moderation"));
        given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "reason", "fine"))
                .post("/api/v1/moderation/comments/{id}/decision", id)
                .then().statusCode(200).body("status", equalTo("published")).body("heldReason", equalTo(null));
        given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200).body("items.id", hasItem(id));
    }
}
