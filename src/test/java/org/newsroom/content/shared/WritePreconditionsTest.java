package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * {@code If-None-Match: *} on a write is decided before it: a 412 and nothing written (it used to be ignored, and the
 * write committed). Credentials still come first.
 */
@QuarkusTest
class WritePreconditionsTest {

    private static final String DETAIL = "If-None-Match: * never holds for a write: what it writes to exists. Send"
            + " If-Match";

    @Test
    void ifNoneMatchAnythingOnAnArticlePutOrPatchIs412AndWritesNothing() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("inm"));
        String path = "/api/v1/articles/" + created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        String headline = created.jsonPath().getString("headline");
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", etag).header("If-None-Match", "*")
                .contentType(ContentType.JSON).body(Map.of("headline", "Changed by PUT")).put(path).then(), 412,
                "PRECONDITION_FAILED", "precondition-failed", "Precondition failed", path)
                .body("detail", equalTo(DETAIL));
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", etag)
                .header("If-None-Match", "\"x\", *").contentType("application/merge-patch+json")
                .body("{\"headline\":\"Changed by PATCH\"}").patch(path).then(), 412, "PRECONDITION_FAILED",
                "precondition-failed", "Precondition failed", path);
        given().auth().oauth2(TestTokens.editor()).get(path).then().statusCode(200).header("ETag", etag)
                .body("headline", equalTo(headline));
    }

    @Test
    void ifNoneMatchAnythingOnACommentEditIs412AndWritesNothing() {
        long article = Fixtures.publishedArticle(Fixtures.unique("inm")).jsonPath().getLong("id");
        var comment = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "As posted"))
                .post("/api/v1/articles/" + article + "/comments").then().statusCode(201).extract();
        String path = "/api/v1/comments/" + comment.jsonPath().getLong("id");
        problem(given().header("Comment-Token", comment.jsonPath().getString("token")).header("If-None-Match", "*")
                .contentType(ContentType.JSON).body(Map.of("body", "Edited")).patch(path).then(), 412,
                "PRECONDITION_FAILED", "precondition-failed", "Precondition failed", path);
        given().get(path).then().statusCode(200).body("body", equalTo("As posted"));
    }

    @Test
    void credentialsAreCheckedFirst() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("inm"));
        String path = "/api/v1/articles/" + created.jsonPath().getLong("id");
        problem(given().header("If-Match", created.header("ETag")).header("If-None-Match", "*")
                .contentType(ContentType.JSON).body(Map.of("headline", "Anonymous")).put(path).then(), 401,
                "UNAUTHENTICATED", "unauthenticated", "Authentication required", path);
    }

    @Test
    void entityTagsInIfNoneMatchOnAWriteAreIgnored() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("inm"));
        String path = "/api/v1/articles/" + created.jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .header("If-None-Match", "\"something-else\"").contentType("application/merge-patch+json")
                .body("{\"headline\":\"Patched\"}").patch(path).then().statusCode(200)
                .body("headline", equalTo("Patched"));
    }

    @Test
    void theOpenApiDocumentListsThe412OnWrites() {
        var paths = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("PRECONDITION_FAILED: If-None-Match: * sent with a write",
                paths.getString("paths.'/api/v1/comments/{id}'.patch.responses.'412'.description"));
        assertNotNull(
                paths.getString("paths.'/api/v1/articles/{ref}/comments'.post.responses.'412'.description"));
        assertNull(
                paths.getString("paths.'/api/v1/comments/{id}'.get.responses.'412'.description"));
    }
}
