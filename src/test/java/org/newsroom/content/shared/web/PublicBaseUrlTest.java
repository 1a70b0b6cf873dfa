package org.newsroom.content.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With content.public-base-url set (as production must), a forged Host header reaches no link: the feeds and text
 * pages link from the configured URL, and Location and Link carry no host at all (issue 11).
 */
@QuarkusTest
@TestProfile(PublicBaseUrlTest.Configured.class)
class PublicBaseUrlTest {

    static final String PUBLIC = "https://news.example";
    static final String FORGED = "evil.example";

    public static class Configured implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.public-base-url", PUBLIC + "/");
        }
    }

    @Test
    void aForgedHostReachesNoFeed() {
        String section = Fixtures.unique("host");
        long id = ((Number) Fixtures.publishedArticle(section).path("id")).longValue();
        for (String feed : List.of("/feeds/articles.rss", "/feeds/articles.atom", "/feeds/articles.json")) {
            for (String host : List.of(FORGED, FORGED + ":8443")) {
                String body = given().header("Host", host).header("X-Forwarded-Proto", "http")
                        .header("X-Forwarded-Host", FORGED).queryParam("section", section).get(feed).then()
                        .statusCode(200).extract().asString();
                assertFalse(body.contains(FORGED), feed + ": " + body);
                assertTrue(body.contains(PUBLIC + "/#/articles/"), feed + ": " + body);
                assertTrue(body.contains(PUBLIC + feed + "?section=" + section), feed + ": " + body);
                assertTrue(body.contains("tag:news.example,2024:articles/" + id), feed + ": " + body);
            }
        }
    }

    @Test
    void aForgedHostReachesNoHeaderAndNoTextPage() {
        long id = ((Number) Fixtures.publishedArticle(Fixtures.unique("host")).path("id")).longValue();
        for (int i = 0; i < 2; i++) {
            Response posted = given().header("Host", FORGED).contentType(ContentType.JSON)
                    .body(Map.of("authorName", "Reader", "body", "Comment " + i))
                    .post("/api/v1/articles/" + id + "/comments");
            assertEquals(201, posted.statusCode(), posted.asString());
            assertEquals("/api/v1/comments/" + posted.path("id"), posted.header("Location"));
        }
        String path = "/api/v1/articles/" + id + "/comments";
        Response json = given().header("Host", FORGED).queryParam("limit", 1).get(path);
        String link = json.header("Link");
        assertTrue(link.startsWith("<" + path + "?"), link);
        assertFalse(link.contains(FORGED), link);
        String text = given().header("Host", FORGED).accept("text/plain").queryParam("limit", 1).get(path).asString();
        assertTrue(text.endsWith("\n\nNext page: " + PUBLIC + link.substring(1, link.indexOf('>')) + "\n"), text);
    }
}
