package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What frontends, CDNs and terminals expect of HTTP (docs/http-api.md §3): validators, cache policy, CORS, gzip,
 * text.
 */
@QuarkusTest
class HttpSemanticsTest {

    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    private static final String PRIVATE = "private, no-store";

    @Test
    void revalidatesAnArticleWith304AndNoBodyUntilABlockChanges() {
        var article = Fixtures.publishedArticle(Fixtures.unique("http"));
        long id = article.jsonPath().getLong("id");
        ExtractableResponse<Response> first = given().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .header("ETag", startsWith("\"a")).header("Last-Modified", not(emptyOrNullString()))
                .header("Cache-Control", PUBLIC).header("Vary", containsString("Accept"))
                .header("Vary", containsString("Authorization")).extract();
        given().header("If-None-Match", first.header("ETag")).get("/api/v1/articles/{id}", id).then()
                .statusCode(304).header("ETag", first.header("ETag")).header("Cache-Control", PUBLIC)
                .body(emptyOrNullString());

        long block = article.jsonPath().getLong("paragraphs[0].id");
        String blockEtag = given().get("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().extract()
                .header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", blockEtag)
                .contentType("application/merge-patch+json").body("{\"text\":\"Edited block\"}")
                .patch("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200);
        String after = given().header("If-None-Match", first.header("ETag")).get("/api/v1/articles/{id}", id).then()
                .statusCode(200).body("paragraphs[0].text", equalTo("Edited block")).extract().header("ETag");
        assertNotEquals(first.header("ETag"), after);
    }

    @Test
    void givesListsAWeakEtagThatChangesWithTheirRows() {
        String section = Fixtures.unique("weak");
        Fixtures.createArticle(Map.of("headline", "One", "section", section, "status", "published"));
        String etag = given().queryParam("section", section).get("/api/v1/articles").then().statusCode(200)
                .header("ETag", startsWith("W/\"")).header("Cache-Control", PUBLIC).extract().header("ETag");
        given().queryParam("section", section).header("If-None-Match", etag).get("/api/v1/articles").then()
                .statusCode(304).body(emptyOrNullString());
        Fixtures.createArticle(Map.of("headline", "Two", "section", section, "status", "published"));
        given().queryParam("section", section).header("If-None-Match", etag).get("/api/v1/articles").then()
                .statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void changesWhatShowsACountWhenACommentArrives() {
        long article = Fixtures.publishedArticle(Fixtures.unique("count")).jsonPath().getLong("id");
        int root = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "Root"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().path("id");
        String listEtag = given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200)
                .header("ETag", startsWith("W/\"")).extract().header("ETag");
        String rootEtag = given().get("/api/v1/comments/{id}", root).then().statusCode(200)
                .header("ETag", startsWith("\"c")).header("Vary", containsString("Comment-Token")).extract()
                .header("ETag");
        given().header("If-None-Match", rootEtag).get("/api/v1/comments/{id}", root).then().statusCode(304);

        given().contentType(ContentType.JSON).body(Map.of("authorName", "B", "body", "Reply", "parentId", root))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201);
        given().header("If-None-Match", rootEtag).get("/api/v1/comments/{id}", root).then().statusCode(200)
                .body("replyCount", equalTo(1));
        given().header("If-None-Match", listEtag).get("/api/v1/articles/{id}/comments", article).then()
                .statusCode(200).body("items[0].replyCount", equalTo(1));
    }

    @Test
    void keepsDraftsEditorViewsModerationAndTokensOutOfSharedCaches() {
        long draft = Fixtures.draftArticle().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", draft).then().statusCode(200)
                .header("Cache-Control", PRIVATE);
        long published = Fixtures.publishedArticle(Fixtures.unique("cache")).jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", published).then()
                .header("Cache-Control", PRIVATE);
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles?status=draft").then()
                .header("Cache-Control", PRIVATE);
        given().auth().oauth2(TestTokens.moderator()).get("/api/v1/moderation/comments").then().statusCode(200)
                .header("Cache-Control", PRIVATE);
        var created = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "Mine"))
                .post("/api/v1/articles/{id}/comments", published).then().statusCode(201)
                .header("Cache-Control", PRIVATE).extract();
        given().header("Comment-Token", created.path("token").toString())
                .get("/api/v1/comments/{id}", created.path("id").toString()).then().statusCode(200)
                .header("Cache-Control", PRIVATE);
    }

    @Test
    void answersACorsPreflightForTheApisOwnHeaders() {
        given().header("Origin", "https://reader.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "if-match,idempotency-key,comment-token,content-type")
                .options("/api/v1/comments/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://reader.example")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Comment-Token"));
        String exposed = given().header("Origin", "https://reader.example").get("/api/v1/articles").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "https://reader.example").extract()
                .header("Access-Control-Expose-Headers");
        for (String header : List.of("ETag", "Link", "Location", "Retry-After")) {
            assertTrue(exposed.contains(header), exposed);
        }
    }

    @Test
    void refusesCorsToAnOriginNobodyConfigured() {
        given().header("Origin", "https://evil.example").get("/api/v1/articles").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void compressesWhenTheClientAcceptsIt() {
        Fixtures.publishedArticle(Fixtures.unique("gzip"));
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/api/v1/articles?limit=50").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").get("/api/v1/articles?limit=50").then().statusCode(200)
                .header("Content-Encoding", nullValue());
    }

    @Test
    void answersHeadWhereverGetWorksWithoutABody() {
        var article = Fixtures.publishedArticle(Fixtures.unique("head"));
        long id = article.jsonPath().getLong("id");
        for (String path : List.of("/api/v1/articles", "/api/v1/articles/" + id, "/api/v1/articles/" + id
                + "/paragraphs", "/api/v1/articles/" + id + "/comments")) {
            given().head(path).then().statusCode(200).header("ETag", not(emptyOrNullString()))
                    .body(emptyOrNullString());
        }
    }

    @Test
    void listsArticlesOneLinePerArticleForTerminals() {
        String section = Fixtures.unique("lines");
        Instant when = Instant.parse("2024-05-06T07:08:09Z");
        String slug = Fixtures.createArticle(Map.of("headline", "A line of its own", "section", section, "status",
                "published", "publishedAt", when.toString())).jsonPath().getString("slug");
        String text = given().accept("text/plain").queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).contentType(containsString("text/plain")).header("ETag", startsWith("W/\""))
                .extract().asString();
        assertEquals("2024-05-06  " + slug + "  A line of its own\n", text);
    }

    @Test
    void showsCommentsAsAReadableThreadForTerminals() {
        long article = Fixtures.publishedArticle(Fixtures.unique("thread")).jsonPath().getLong("id");
        int root = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Reader in Busan", "body", "First line\nsecond line"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Maren", "body", "A reply", "parentId", root))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201);
        String text = given().accept("text/plain").get("/api/v1/articles/{id}/comments", article).then()
                .statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertTrue(text.startsWith("Reader in Busan · "), text);
        assertTrue(text.contains(" · 1 reply\n  First line\n  second line\n\n    ↳ Maren · "), text);
        assertTrue(text.contains("\n        A reply\n"), text);
    }
}
