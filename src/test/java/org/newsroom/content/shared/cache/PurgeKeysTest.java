package org.newsroom.content.shared.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every public answer names what it shows, for purging a CDN by key: Surrogate-Key (Fastly, space-separated) and
 * Cache-Tag (Cloudflare, comma-separated); answers from the representation cache the same; private answers none.
 */
@QuarkusTest
class PurgeKeysTest {

    @Test
    void anArticleItsBlocksAndItsCommentsNameTheArticleAndItsComments() {
        long id = Fixtures.publishedArticle(Fixtures.unique("purge")).jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Reader", "body", "Hello"))
                .post("/api/v1/articles/{id}/comments", id).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            // The second read of each comes from the representation cache.
            keys(given().get("/api/v1/articles/{id}", id), "article-" + id);
            keys(given().accept("text/plain").get("/api/v1/articles/{id}", id), "article-" + id);
            keys(given().get("/api/v1/articles/{id}/paragraphs", id), "article-" + id);
            keys(given().get("/api/v1/articles/{id}/comments", id), "article-" + id, "comments-" + id);
        }
        String etag = given().get("/api/v1/articles/{id}", id).then().extract().header("ETag");
        Response notModified = given().header("If-None-Match", etag).get("/api/v1/articles/{id}", id);
        assertEquals(304, notModified.statusCode());
        keys(notModified, "article-" + id);
    }

    @Test
    void listsAndFeedsNameWhatTheyAreFilteredBy() {
        String section = Fixtures.unique("purge");
        Fixtures.publishedArticle(section);
        keys(given().get("/api/v1/articles"), "list");
        keys(given().queryParam("section", section).queryParam("tag", "alpha").get("/api/v1/articles"), "list",
                "section-" + section, "tag-alpha");
        keys(given().queryParam("section", section).get("/feeds/articles.rss"), "feed", "section-" + section);
        keys(given().get("/feeds/articles.json"), "feed");
        keys(given().get("/api/v1/sections"), "list");
    }

    @Test
    void privateAnswersNameNothing() {
        long id = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Draft"), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Not yet.")))).jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .header("Surrogate-Key", nullValue()).header("Cache-Tag", nullValue());
        given().get("/api/v1/articles/{id}", id).then().statusCode(404).header("Surrogate-Key", nullValue());
    }

    private static void keys(Response response, String... keys) {
        response.then().header("Surrogate-Key", equalTo(String.join(" ", keys))).header("Cache-Tag",
                equalTo(String.join(",", keys)));
    }
}
