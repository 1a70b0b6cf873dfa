package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.newsroom.content.support.ProblemAssertions.PROBLEM;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document, Swagger UI and health, in every profile. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void describesEveryEndpointWithItsProblemsInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/articles'.get", notNullValue())
                .body("paths.'/api/v1/articles'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/articles'.post.responses.'401'.content.'" + PROBLEM + "'", notNullValue())
                .body("paths.'/api/v1/articles/{ref}'.put.responses.'412'", notNullValue())
                .body("paths.'/api/v1/articles/{ref}'.put.responses.'428'", notNullValue())
                .body("paths.'/api/v1/articles/{ref}'.patch", notNullValue())
                .body("paths.'/api/v1/articles/{ref}'.delete", notNullValue())
                .body("paths.'/api/v1/articles/{ref}/paragraphs'.post", notNullValue())
                .body("paths.'/api/v1/articles/{ref}/paragraphs/{id}'.patch", notNullValue())
                .body("paths.'/api/v1/articles/{ref}/comments'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/comments/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/api/v1/comments/{id}/replies'.get", notNullValue())
                .body("paths.'/api/v1/comments/{id}/reports'.post.responses.'429'", notNullValue())
                .body("paths.'/api/v1/moderation/comments/{id}/decision'.post.responses.'412'", notNullValue())
                .body("paths.'/api/v1/moderation/comments/{id}/decision'.post.responses.'428'", notNullValue())
                .body("components.schemas.ModeratedComment.properties.etag", notNullValue())
                .body("components.schemas.Problem.properties.code", notNullValue())
                .body("components.schemas.Article.properties.paragraphs", notNullValue())
                .body("paths.keySet()", Matchers.not(hasItem("/dev/token")));
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void reportsTheDatasourceInReadiness() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }
}
