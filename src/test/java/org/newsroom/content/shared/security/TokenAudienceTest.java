package org.newsroom.content.shared.security;

import static io.restassured.RestAssured.given;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A token signed with the trusted key, with the right issuer and an editor's group, but issued to another client of
 * the realm (another audience) is refused: mp.jwt.verify.audiences is checked.
 */
@QuarkusTest
class TokenAudienceTest {

    @Test
    void aTokenForAnotherAudienceIs401AndWritesNothing() {
        String headline = Fixtures.unique("Other audience");
        problem(given().auth().oauth2(TestTokens.forAnotherAudience()).contentType(ContentType.JSON)
                .body(Map.of("headline", headline)).post("/api/v1/articles").then(), 401, "UNAUTHENTICATED",
                "unauthenticated", "Authentication required", "/api/v1/articles");
        given().auth().oauth2(TestTokens.editor()).queryParam("q", headline).get("/api/v1/articles").then()
                .statusCode(200);
    }

    @Test
    void theSameTokenForThisServiceIsTaken() {
        given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("headline", Fixtures.unique("Right audience"))).post("/api/v1/articles").then()
                .statusCode(201);
    }
}
