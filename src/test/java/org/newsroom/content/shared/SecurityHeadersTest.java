package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every answer says {@code X-Content-Type-Options: nosniff} (JSON, problems, static files, Swagger UI); the reader page,
 * which keeps comment tokens in localStorage, gets a strict Content-Security-Policy and may not be framed. Swagger UI,
 * which needs inline code, does not get that policy and keeps working.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final String NOSNIFF = "nosniff";

    @Test
    void everyAnswerSaysNosniff() {
        long article = Fixtures.publishedArticle(Fixtures.unique("headers")).jsonPath().getLong("id");
        for (String path : List.of("/api/v1/articles", "/api/v1/articles/" + article, "/api/v1/articles/999999999",
                "/reader.js", "/reader.css", "/q/openapi", "/q/health/live", "/nowhere")) {
            given().get(path).then().header("X-Content-Type-Options", NOSNIFF);
        }
        // Problems from the security layer, the body limit and the router too.
        given().contentType(ContentType.JSON).body(Map.of("headline", "x")).post("/api/v1/articles").then()
                .statusCode(401).header("X-Content-Type-Options", NOSNIFF);
        given().contentType(ContentType.JSON).body("{\"body\":\"" + "x".repeat(70_000) + "\"}")
                .post("/api/v1/articles/" + article + "/comments").then().statusCode(413)
                .header("X-Content-Type-Options", NOSNIFF);
        given().delete("/api/v1/articles").then().statusCode(405).header("X-Content-Type-Options", NOSNIFF);
    }

    @Test
    void theReaderPageRunsOnlyItsOwnCodeAndCannotBeFramed() {
        for (String path : List.of("/", "/index.html")) {
            given().get(path).then().statusCode(200).header("X-Content-Type-Options", NOSNIFF)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void swaggerUiKeepsItsInlineCode() {
        given().get("/q/swagger-ui/").then().statusCode(200).header("X-Content-Type-Options", NOSNIFF)
                .header("Content-Security-Policy", nullValue()).body(containsString("SwaggerUIBundle"));
        given().get("/api/v1/articles").then().header("Content-Security-Policy", nullValue());
    }
}
