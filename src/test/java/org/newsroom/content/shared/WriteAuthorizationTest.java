package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every write endpoint the OpenAPI document lists answers 401 without credentials and 403 with a valid token that
 * carries no role for it; the list comes from the document, so a new endpoint is checked the day it appears. Posting
 * a comment and reporting one are open to anyone, so they are the exceptions.
 */
@QuarkusTest
class WriteAuthorizationTest {

    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    @Test
    void everyWriteEndpointRefusesAnonymousCallersAndCallersWithoutTheRole() {
        var article = Fixtures.publishedArticle(Fixtures.unique("auth"));
        String articleId = article.jsonPath().getString("id");
        String paragraphId = article.jsonPath().getString("paragraphs[0].id");
        String commentId = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "B"))
                .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201).extract().path("id")
                .toString();
        Map<String, String> ids = Map.of("{ref}", articleId, "{id}", commentId);

        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().stream().filter(WRITES::contains)
                .forEach(method -> {
                    if (method.equals("post") && (template.endsWith("/comments") || template.endsWith("/reports"))) {
                        return;
                    }
                    String path = template.replace("{ref}", ids.get("{ref}"))
                            .replace("/paragraphs/{id}", "/paragraphs/" + paragraphId)
                            .replace("{id}", ids.get("{id}")).replace("{number}", "1")
                            .replace("{deliveryId}", "1");
                    String mediaType = requestMediaType(operations.get(method));
                    Response anonymous = given().contentType(mediaType).body("{}").request(method, path);
                    assertEquals(401, anonymous.statusCode(), method + " " + template + " without credentials");
                    problem(anonymous.then(), "UNAUTHENTICATED", path);
                    Response noRole = given().auth().oauth2(TestTokens.withGroups("reader"))
                            .contentType(mediaType).body("{}").request(method, path);
                    assertEquals(403, noRole.statusCode(), method + " " + template + " with no role for it");
                    problem(noRole.then(), "FORBIDDEN", path);
                    checked.add(method.toUpperCase() + " " + template);
                }));
        assertFalse(checked.isEmpty());
        // The document must have been read whole: these are some of the writes it has to list.
        assertTrue(checked.containsAll(List.of("POST /api/v1/articles", "DELETE /api/v1/articles/{ref}",
                "PATCH /api/v1/articles/{ref}/paragraphs/{id}", "PATCH /api/v1/comments/{id}",
                "DELETE /api/v1/comments/{id}", "POST /api/v1/moderation/comments/{id}/decision",
                "POST /api/v1/articles/{ref}/revisions/{number}/restore")), checked.toString());
    }

    /** The body's media type as the document declares it (JSON, merge patch or text), so that the call is well-formed. */
    @SuppressWarnings("unchecked")
    private static String requestMediaType(Map<String, Object> operation) {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null) {
            return "application/json";
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        return content.keySet().iterator().next();
    }
}
