package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Quarkus's own errors (unknown route, wrong method, media types) answer problems like ours (API.md §6). */
@QuarkusTest
class ErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void answersAProblemForAnUnknownRoute() {
        given().get("/no/such/thing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("Nothing is here"))
                .body("instance", equalTo("/no/such/thing"))
                .body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/articles/1/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void answersAProblemForAnUnknownArticle() {
        given().get("/api/v1/articles/999999999").then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND")).body("detail", equalTo("This article does not exist"))
                .body("instance", equalTo("/api/v1/articles/999999999"));
        given().get("/api/v1/articles/99999999999999999999999").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/articles/no-such-slug").then().statusCode(404).contentType(PROBLEM);
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
        given().accept("application/xml").get("/api/v1/articles").then().statusCode(406).contentType(PROBLEM)
                .body("code", equalTo("NOT_ACCEPTABLE")).body("status", equalTo(406));
        given().accept("application/xml").get("/api/v1/articles/1").then().statusCode(406).contentType(PROBLEM)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void answersAProblemForAnUnsupportedBodyType() {
        given().contentType(ContentType.XML).body("<comment/>").post("/api/v1/articles/1/comments").then()
                .statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/unsupported-media-type"))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")).body("status", equalTo(415));
    }

    @Test
    void answersAProblemForMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"authorName\": ").post("/api/v1/articles/1/comments").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/malformed-request"))
                .body("title", equalTo("Malformed request"))
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("instance", equalTo("/api/v1/articles/1/comments"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/articles/1/comments").then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void answersAProblemForABodyOverTheLimitBeforeReadingIt() {
        String huge = "{\"authorName\":\"x\",\"body\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/articles/1/comments").then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/payload-too-large"))
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("status", equalTo(413))
                .body("instance", equalTo("/api/v1/articles/1/comments"));
    }

    @Test
    void answersHeadWhereverGetWorks() {
        given().head("/api/v1/articles").then().statusCode(200);
        given().head("/no/such/thing").then().statusCode(404);
    }
}
