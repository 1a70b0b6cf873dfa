package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Image blocks and lead images (issue 13 §2): JSON, text, feeds, search, and the problems. */
@QuarkusTest
class ImageBlockTest {

    private static final String SRC = "https://images.example/harbour.jpg";

    private static Map<String, Object> image(Object... pairs) {
        Map<String, Object> image = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            image.put((String) pairs[i], pairs[i + 1]);
        }
        return image;
    }

    private static Map<String, Object> imageBlock(Map<String, Object> image) {
        return Map.of("type", "image", "image", image);
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    private static ExtractableResponse<Response> publishedWithImages(String section, String word) {
        return Fixtures.createArticle(Map.of("headline", Fixtures.unique("Cranes"), "section", section, "status",
                "published", "publishedAt", Instant.now().minusSeconds(60).toString(), "leadImage",
                image("src", SRC, "alt", "Two cranes at dusk", "caption", "The cranes are back", "credit",
                        "Ana Pérez", "width", 1200, "height", 800),
                "paragraphs", List.of(Map.of("type", "paragraph", "text", "The cranes are back."),
                        imageBlock(image("src", "https://images.example/dock.jpg", "alt", "A " + word + " dock",
                                "caption", "Dock 4 | at night", "width", 640, "height", 480)),
                        imageBlock(image("src", "https://images.example/line.png", "decorative", true)))));
    }

    @Test
    void storesImageBlocksAndALeadImageAndAnswersThemAsJson() {
        String section = Fixtures.unique("img");
        ExtractableResponse<Response> created = publishedWithImages(section, "busy");
        long id = created.jsonPath().getLong("id");
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).contentType(ContentType.JSON)
                .body("paragraphs.type", contains("paragraph", "image", "image"))
                .body("paragraphs[1].text", nullValue())
                .body("paragraphs[1].image.src", equalTo("https://images.example/dock.jpg"))
                .body("paragraphs[1].image.alt", equalTo("A busy dock"))
                .body("paragraphs[1].image.decorative", is(false))
                .body("paragraphs[1].image.caption", equalTo("Dock 4 | at night"))
                .body("paragraphs[1].image.credit", nullValue())
                .body("paragraphs[1].image.width", equalTo(640))
                .body("paragraphs[1].image.height", equalTo(480))
                .body("paragraphs[2].image.decorative", is(true))
                .body("paragraphs[2].image.alt", nullValue())
                .body("paragraphs[0].image", nullValue())
                .body("leadImage.src", equalTo(SRC))
                .body("leadImage.alt", equalTo("Two cranes at dusk"))
                .body("leadImage.credit", equalTo("Ana Pérez"));
        // Lists carry the lead image (cards show it); the excerpt is the first block with a text.
        given().queryParam("section", section).get("/api/v1/articles").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].leadImage.src", equalTo(SRC))
                .body("items[0].leadImage.width", equalTo(1200))
                .body("items[0].excerpt", equalTo("The cranes are back."));
        given().queryParam("type", "image").get("/api/v1/articles/{id}/paragraphs", id).then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void insertsAnImageBlockAndReadsItBackAsJsonTextAndInTheFeeds() {
        String section = Fixtures.unique("imgfeed");
        ExtractableResponse<Response> created = publishedWithImages(section, "quiet");
        long id = created.jsonPath().getLong("id");
        String blocks = "/api/v1/articles/" + id + "/paragraphs";
        String inserted = editor().header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("type", "image", "position", 1, "image", image("src", "https://images.example/a.jpg?w=2",
                        "alt", "A \"gull\" & <sea>", "credit", "Wire")))
                .post(blocks).then().statusCode(201).header("Location", containsString(blocks + "/"))
                .body("type", equalTo("image")).body("position", equalTo(1))
                .body("image.alt", equalTo("A \"gull\" & <sea>")).body("image.width", nullValue())
                .extract().header("Location");
        given().get(inserted.substring(inserted.indexOf("/api/"))).then().statusCode(200)
                .body("image.credit", equalTo("Wire"));

        String text = editor().accept("text/plain").get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract().asString();
        assertTrue(text.contains("\n[Image: A \"gull\" & <sea> | https://images.example/a.jpg?w=2 |  | Wire]\n"), text);
        assertTrue(text.contains(
                "\n[Image: A quiet dock | https://images.example/dock.jpg | Dock 4 \\| at night |  | 640x480]\n"),
                text);
        assertTrue(text.contains("\n[Image:  | https://images.example/line.png]\n"), text);

        String rss = given().queryParam("section", section).get("/feeds/articles.rss").then().statusCode(200)
                .extract().asString();
        assertTrue(rss.contains("&lt;figure&gt;&lt;img src=\"https://images.example/dock.jpg\" alt=\"A quiet dock\""
                + " width=\"640\" height=\"480\" loading=\"lazy\"&gt;&lt;figcaption&gt;Dock 4 | at night"
                + "&lt;/figcaption&gt;&lt;/figure&gt;")
                || rss.contains("<figure><img src=\"https://images.example/dock.jpg\""),
                rss);
        assertTrue(rss.contains("xmlns:media=\"http://search.yahoo.com/mrss/\""), rss);
        assertTrue(rss.contains("url=\"" + SRC + "\" medium=\"image\" width=\"1200\" height=\"800\">"), rss);
        assertTrue(rss.contains("<media:description type=\"plain\">Two cranes at dusk</media:description>"), rss);
        assertTrue(rss.contains("<media:credit>Ana Pérez</media:credit>"), rss);
        String atom = given().queryParam("section", section).get("/feeds/articles.atom").then().statusCode(200)
                .extract().asString();
        assertTrue(atom.contains("url=\"" + SRC + "\" medium=\"image\""),
                atom);
        given().queryParam("section", section).get("/feeds/articles.json").then().statusCode(200)
                .body("items[0].image", equalTo(SRC)).body("items[0].banner_image", equalTo(SRC))
                .body("items[0].content_html", containsString("<figure><img src=\"https://images.example/a.jpg?w=2\""
                        + " alt=\"A &quot;gull&quot; &amp; &lt;sea&gt;\" loading=\"lazy\"><figcaption><small>Wire"
                        + "</small></figcaption></figure>"))
                .body("items[0].content_html", containsString("<img src=\"https://images.example/line.png\" alt=\"\""));
    }

    @Test
    void importsAnImageLineAndExportsItBackUnchanged() {
        String text = "Cranes return\n\n\nFirst paragraph.\n\n"
                + "[Image: Two cranes \\\\ one \\| gull | https://images.example/c.jpg | A caption |  | 10x20]\n\n"
                + "[Image:  | https://images.example/rule.png]\n\n\\[Image: not an image]\n";
        ExtractableResponse<Response> created = editor().contentType("text/plain; charset=utf-8").body(text)
                .post("/api/v1/articles").then().statusCode(201)
                .body("paragraphs.type", contains("paragraph", "image", "image", "paragraph"))
                .body("paragraphs[1].image.alt", equalTo("Two cranes \\ one | gull"))
                .body("paragraphs[1].image.height", equalTo(20))
                .body("paragraphs[2].image.decorative", is(true))
                .body("paragraphs[3].text", equalTo("[Image: not an image]")).extract();
        String exported = editor().accept("text/plain").get("/api/v1/articles/{id}", created.jsonPath().getLong("id"))
                .then().statusCode(200).extract().asString();
        assertEquals(text, exported);
    }

    @Test
    void refusesAMalformedImageLineAndAnImageTheApiRefuses() {
        problem(editor().contentType("text/plain").body("Headline\n\n[Image: only alt]\n").post("/api/v1/articles")
                .then(), 400, "MALFORMED_REQUEST", "malformed-request", "Malformed request", "/api/v1/articles")
                .body("detail", startsWith("line 3: an image line has 2 to 5 fields"));
        problem(editor().contentType("text/plain")
                .body("Headline\n\n[Image: a | https://x.example/a.jpg | c | d | big]\n")
                .post("/api/v1/articles").then(), 400, "MALFORMED_REQUEST", "malformed-request", "Malformed request",
                "/api/v1/articles").body("detail", startsWith("line 3: an image's size"));
        problem(editor().contentType("text/plain").body("Headline\n\n[Image: a | http://x.example/a.jpg]\n")
                .post("/api/v1/articles").then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                "/api/v1/articles").body("errors.field", contains("paragraphs[0].image.src"));
    }

    @Test
    void refusesBadImagesWithA400NamingEachField() {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Bad images"));
        body.put("leadImage", image("src", "ftp://images.example/a.jpg", "alt", " "));
        body.put("paragraphs", List.of(
                imageBlock(image("src", "http://images.example/a.jpg", "alt", "Fine", "width", 10)),
                imageBlock(image("src", "https://images.example/a.jpg", "decorative", true, "alt", "Not allowed",
                        "height", 0)),
                Map.of("type", "image", "text", "A caption in the wrong place"),
                Map.of("type", "paragraph", "text", "Words", "image", image("src", SRC, "alt", "x"))));
        problem(editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", "/api/v1/articles")
                .body("errors.field", contains("leadImage.alt", "leadImage.src", "paragraphs[0].image.height",
                        "paragraphs[0].image.src", "paragraphs[1].image.alt", "paragraphs[1].image.height",
                        "paragraphs[1].image.width", "paragraphs[2].image", "paragraphs[2].text",
                        "paragraphs[3].image"))
                .body("errors.message", contains("must not be blank unless decorative is true",
                        "must be an absolute https URL", "must be given with width", "must be an absolute https URL",
                        "must be absent on a decorative image", "must be greater than 0", "must be given with height",
                        "must not be null on an image block", "must be absent on an image block",
                        "is only allowed on image blocks"));
    }

    @Test
    void editsAnImageBlockByMergePatchAndRemovesTheLeadImage() {
        ExtractableResponse<Response> created = publishedWithImages(Fixtures.unique("imgpatch"), "calm");
        long id = created.jsonPath().getLong("id");
        long block = created.jsonPath().getLong("paragraphs[1].id");
        String path = "/api/v1/articles/" + id + "/paragraphs/" + block;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"image\":{\"caption\":null,\"credit\":\"Harbour office\"}}").patch(path).then()
                .statusCode(200).body("image.caption", nullValue()).body("image.credit", equalTo("Harbour office"))
                .body("image.src", equalTo("https://images.example/dock.jpg"));
        String articleEtag = editor().get("/api/v1/articles/{id}", id).then().extract().header("ETag");
        problem(editor().header("If-Match", articleEtag).contentType("application/merge-patch+json")
                .body("{\"leadImage\":{\"width\":null}}").patch("/api/v1/articles/{id}", id).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", "/api/v1/articles/" + id)
                .body("errors.field", contains("leadImage.width"));
        editor().header("If-Match", articleEtag).contentType("application/merge-patch+json")
                .body("{\"leadImage\":null}").patch("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("leadImage", nullValue()).body("paragraphs", hasSize(3));
    }

    @Test
    void turnsAParagraphIntoAnImageByMergePatchAndRefusesAHalfTurn() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("imgturn"));
        long id = created.jsonPath().getLong("id");
        long block = created.jsonPath().getLong("paragraphs[0].id");
        String path = "/api/v1/articles/" + id + "/paragraphs/" + block;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        problem(editor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"type\":\"image\"}").patch(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("image", "text"));
        editor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"type\":\"image\",\"text\":null,\"image\":{\"src\":\"" + SRC + "\",\"alt\":\"Cranes\"}}")
                .patch(path).then().statusCode(200).body("type", equalTo("image")).body("text", nullValue())
                .body("image.alt", equalTo("Cranes")).body("image.decorative", is(false));
    }

    @Test
    void searchFindsCaptionsAndAltTextButNotUrls() {
        String section = Fixtures.unique("imgsearch");
        publishedWithImages(section, "zanzibarish");
        given().queryParam("q", "zanzibarish").queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).body("items", hasSize(1));
        given().queryParam("q", "dusk").queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).body("items", hasSize(1));
        given().queryParam("q", "images.example").queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).body("items", hasSize(0));
    }
}
