package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.newsroom.content.support.ProblemAssertions.PROBLEM;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Quarkus's own errors (unknown route, wrong method, media types) answer problems like ours (docs/http-api.md §6). */
@QuarkusTest
class ErrorsTest {

    @Test
    void answersAProblemForAnUnknownRoute() {
        given().get("/no/such/thing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("Nothing is here"))
                .body("instance", equalTo("/no/such/thing"))
                .body("code", equalTo("NOT_FOUND"));
        problem(given().get("/api/v1/articles/1/nothing-here").then(), "NOT_FOUND", "/api/v1/articles/1/nothing-here");
    }

    @Test
    void answersAProblemForAnUnknownArticle() {
        problem(given().get("/api/v1/articles/999999999").then(), "NOT_FOUND", "/api/v1/articles/999999999")
                .body("detail", equalTo("This article does not exist"));
        for (String path : List.of("/api/v1/articles/99999999999999999999999", "/api/v1/articles/no-such-slug")) {
            problem(given().get(path).then(), "NOT_FOUND", path);
        }
    }

    @Test
    void answersAProblemForAWrongMethod() {
        given().delete("/api/v1/articles").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/method-not-allowed"))
                .body("title", equalTo("Method not allowed"))
                .body("status", equalTo(405))
                .body("code", equalTo("METHOD_NOT_ALLOWED"))
                .body("instance", equalTo("/api/v1/articles"));
    }

    @Test
    void answersAProblemForAnUnofferedMediaType() {
        for (String path : List.of("/api/v1/articles", "/api/v1/articles/1")) {
            problem(given().accept("application/xml").get(path).then(), "NOT_ACCEPTABLE", path);
        }
    }

    @Test
    void answersAProblemForAnUnsupportedBodyType() {
        problem(given().contentType(ContentType.XML).body("<comment/>").post("/api/v1/articles/1/comments").then(),
                "UNSUPPORTED_MEDIA_TYPE", "/api/v1/articles/1/comments");
    }

    @Test
    void answersAProblemForMalformedJson() {
        for (String body : List.of("{\"authorName\": ", "[1, 2]")) {
            problem(given().contentType(ContentType.JSON).body(body).post("/api/v1/articles/1/comments").then(),
                    "MALFORMED_REQUEST", "/api/v1/articles/1/comments");
        }
    }

    @Test
    void answersAProblemForABodyOverTheLimitBeforeReadingIt() {
        String huge = "{\"authorName\":\"x\",\"body\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        problem(given().contentType(ContentType.JSON).body(huge).post("/api/v1/articles/1/comments").then(),
                "PAYLOAD_TOO_LARGE", "/api/v1/articles/1/comments");
    }

    @Test
    void answersHeadOnTheArticleListAndA404OnAnUnknownRoute() {
        given().head("/api/v1/articles").then().statusCode(200);
        given().head("/no/such/thing").then().statusCode(404);
    }
}
