package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ProblemAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every Accept a client may send to the endpoints that have a text form (one article, the article list, a comment
 * list) gets the text or the JSON it asks for, labelled as such and with that representation's own ETag, or a 406
 * problem; never JSON records' toString() labelled text (issue 11).
 */
@QuarkusTest
class TextNegotiationTest {

    private static final List<String> TEXT_ACCEPTS = List.of("text/plain", "text/plain;charset=utf-8",
            "TEXT/PLAIN; Charset=UTF-8", "text/*", "application/json;q=0.5, text/plain");
    private static final List<String> JSON_ACCEPTS = List.of("*/*", "application/json", "APPLICATION/JSON; q=1",
            "text/plain;q=0.5, application/json");

    @ParameterizedTest
    @ValueSource(strings = {"article", "list", "comments"})
    void everyTextAcceptGetsTheTextFormWithItsOwnEtag(String kind) {
        String path = path(kind);
        Response json = given().accept("application/json").get(path);
        assertEquals(200, json.statusCode(), path);
        for (String accept : TEXT_ACCEPTS) {
            Response text = given().header("Accept", accept).get(path);
            assertEquals(200, text.statusCode(), kind + " " + accept);
            assertEquals("text/plain;charset=utf-8",
                    text.contentType().toLowerCase(Locale.ROOT).replace(" ", ""), kind + " " + accept);
            assertFalse(text.asString().contains("Page[") || text.asString().contains("ArticleSummary[")
                    || text.asString().startsWith("{"), kind + " " + accept + ": " + text.asString());
            assertNotEquals(json.header("ETag"), text.header("ETag"), kind + " " + accept);
        }
        for (String accept : JSON_ACCEPTS) {
            Response answer = given().header("Accept", accept).get(path);
            assertEquals(200, answer.statusCode(), kind + " " + accept);
            assertTrue(answer.contentType().startsWith("application/json"), kind + " " + accept);
            assertEquals(json.header("ETag"), answer.header("ETag"), kind + " " + accept);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"article", "list", "comments"})
    void anUnsupportedAcceptIsA406Problem(String kind) {
        String path = path(kind);
        for (String accept : List.of("application/xml", "image/png", "text/html", "text/plain;q=0")) {
            var answer = given().header("Accept", accept).get(path).then();
            ProblemAssertions.problem(answer, "NOT_ACCEPTABLE", path.replaceAll("\\?.*", ""));
            answer.header("Vary", org.hamcrest.Matchers.containsString("Accept"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sections", "/api/v1/tags", "REPLIES", "PARAGRAPHS"})
    void listsWithoutATextFormAnswerEveryTextAcceptWith406(String list) {
        long id = ((Number) Fixtures.publishedArticle(Fixtures.unique("neg")).path("id")).longValue();
        String path = switch (list) {
            case "REPLIES" -> "/api/v1/comments/" + comment(id) + "/replies";
            case "PARAGRAPHS" -> "/api/v1/articles/" + id + "/paragraphs";
            default -> list;
        };
        for (String accept : TEXT_ACCEPTS.subList(0, 4)) {
            var answer = given().header("Accept", accept).get(path).then();
            ProblemAssertions.problem(answer, "NOT_ACCEPTABLE", path);
            answer.header("Vary", org.hamcrest.Matchers.containsString("Accept"));
        }
    }

    @Test
    void aTextCommentPageEndsWithTheAddressOfTheNextOne() {
        long id = ((Number) Fixtures.publishedArticle(Fixtures.unique("neg")).path("id")).longValue();
        comment(id);
        comment(id);
        String path = "/api/v1/articles/" + id + "/comments";
        Response first = given().accept("text/plain").queryParam("limit", 1).get(path);
        String text = first.asString();
        String link = first.header("Link");
        String next = link.substring(1, link.indexOf('>'));
        assertTrue(next.startsWith(path + "?"), link);
        String lastLine = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1);
        assertEquals("Next page: http://localhost:" + port() + next + "\n",
                lastLine);
        assertTrue(text.endsWith("\n\n" + lastLine), "a blank line before it: " + text);
        String last = given().accept("text/plain").get(next).asString();
        assertFalse(last.contains("Next page:"), last);
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }

    private static String path(String kind) {
        String section = Fixtures.unique("neg");
        long id = ((Number) Fixtures.publishedArticle(section).path("id")).longValue();
        comment(id);
        return switch (kind) {
            case "article" -> "/api/v1/articles/" + id;
            case "list" -> "/api/v1/articles?section=" + section;
            default -> "/api/v1/articles/" + id + "/comments";
        };
    }

    private static long comment(long articleId) {
        return ((Number) given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Reader", "body", "A comment " + Fixtures.unique("c")))
                .post("/api/v1/articles/" + articleId + "/comments").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
