package org.newsroom.content.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Test data made through the public API, each piece unique to the test that asks for it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published article (published an hour ago) with three blocks; answers the created JSON. */
    public static ExtractableResponse<Response> publishedArticle(String section) {
        return createArticle(Map.of("headline", unique("Published story"), "section", section, "status", "published",
                "publishedAt", Instant.now().minusSeconds(3600).toString(), "tags", List.of("alpha", "beta"),
                "paragraphs", List.of(
                        Map.of("type", "paragraph", "text", "First block of the story."),
                        Map.of("type", "heading", "text", "A heading"),
                        Map.of("type", "pullquote", "text", "Quoted words.", "attribution", "Someone"))));
    }

    public static ExtractableResponse<Response> draftArticle() {
        return createArticle(Map.of("headline", unique("Draft story"), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Not yet."))));
    }

    public static ExtractableResponse<Response> createArticle(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles").then().statusCode(201).extract();
    }
}
