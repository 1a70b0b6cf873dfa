package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.content.support.ProblemAssertions.PROBLEM;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.MovableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The author's edit window, shortened to one second; the tests move the service's clock past it. */
@QuarkusTest
@TestProfile(EditWindowTest.OneSecondEditWindow.class)
class EditWindowTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    public static class OneSecondEditWindow implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.edit-window", "PT1S");
        }
    }

    @Test
    void editableUntilFollowsTheConfiguredWindow() {
        ExtractableResponse<Response> created = post("Quick", "Blink and you miss it");
        Instant createdAt = Instant.parse(created.jsonPath().getString("createdAt"));
        Instant editableUntil = Instant.parse(created.jsonPath().getString("editableUntil"));
        assertEquals(Duration.ofSeconds(1), Duration.between(createdAt, editableUntil));
    }

    @Test
    void anEditAfterEditableUntilIsRefusedAndChangesNothing() {
        ExtractableResponse<Response> created = post("Slow", "Original words");
        long id = created.jsonPath().getLong("id");
        String token = created.jsonPath().getString("token");
        clock.advance(Duration.ofMillis(1500));
        String path = "/api/v1/comments/" + id;
        given().header("Comment-Token", token).contentType(ContentType.JSON).body(Map.of("body", "Too late"))
                .patch(path)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/edit-window-closed"))
                .body("title", equalTo("Edit window closed"))
                .body("status", equalTo(409))
                .body("code", equalTo("EDIT_WINDOW_CLOSED"))
                .body("instance", equalTo(path))
                .body("detail", equalTo("This comment could be edited until "
                        + Instant.parse(created.jsonPath().getString("editableUntil"))))
                .body("$", not(hasKey("errors")));
        given().get(path).then().statusCode(200)
                .body("body", equalTo("Original words"))
                .body("editedAt", nullValue());
    }

    @Test
    void aWrongTokenAfterTheWindowIsStillForbiddenNotAWindowProblem() {
        ExtractableResponse<Response> created = post("Owner", "Mine alone");
        long id = created.jsonPath().getLong("id");
        clock.advance(Duration.ofMillis(1500));
        problem(given().header("Comment-Token", "someone-elses-guess").contentType(ContentType.JSON)
                .body(Map.of("body", "Hijack")).patch("/api/v1/comments/{id}", id)
                .then(), "FORBIDDEN", "/api/v1/comments/" + id);
    }

    @Test
    void theAuthorMayStillDeleteAfterTheEditWindow() {
        // The issue binds only PATCH to editableUntil: "DELETE with the token ... leaves a tombstone".
        ExtractableResponse<Response> created = post("Regretful", "I take it back");
        long id = created.jsonPath().getLong("id");
        clock.advance(Duration.ofMillis(1500));
        given().header("Comment-Token", created.jsonPath().getString("token")).delete("/api/v1/comments/{id}", id)
                .then().statusCode(204);
        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("body", nullValue())
                .body("authorName", nullValue());
    }

    private static ExtractableResponse<Response> post(String author, String body) {
        long article = Fixtures.publishedArticle(Fixtures.unique("window")).jsonPath().getLong("id");
        return given().contentType(ContentType.JSON).body(Map.of("authorName", author, "body", body))
                .post("/api/v1/articles/" + article + "/comments")
                .then().statusCode(201).extract();
    }
}
