package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Full-text search with filters, ranking, highlights and keyset pages. */
@QuarkusTest
class SearchTest {

    private static long article(String headline, String subheadline, String body, String section, List<String> tags,
            Instant publishedAt) {
        Map<String, Object> fields = new HashMap<>(Map.of("headline", headline, "section", section, "tags", tags,
                "status", "published", "publishedAt", publishedAt.toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", body))));
        if (subheadline != null) {
            fields.put("subheadline", subheadline);
        }
        return Fixtures.createArticle(fields).jsonPath().getLong("id");
    }

    @Test
    void ranksAHeadlineMatchAboveABodyMatchAndHighlightsIt() {
        String section = Fixtures.unique("search");
        String word = "zyx" + section.replace("-", "").substring(6);
        Instant when = Instant.parse("2025-01-01T00:00:00Z");
        long inBody = article("Ferries and weather", null, "A story that mentions " + word + " once in its body.",
                section, List.of("sea"), when.plusSeconds(60));
        long inHeadline = article("The " + word + " delegation arrives", null, "Nothing else here.", section,
                List.of("sea"), when);
        ExtractableResponse<Response> page = given().queryParam("q", word).queryParam("section", section)
                .get("/api/v1/articles").then().statusCode(200).extract();
        assertEquals(List.of((int) inHeadline, (int) inBody), page.jsonPath().getList("items.id"));
        String highlight = page.jsonPath().getString("items[0].highlight");
        assertTrue(highlight.contains("**" + word + "**"), highlight);
        assertTrue(page.jsonPath().getString("items[1].highlight").contains("**" + word + "**"));
    }

    @Test
    void understandsQuotesOrAndMinusLikeAWebSearchBox() {
        String section = Fixtures.unique("syntax");
        Instant when = Instant.parse("2025-02-01T00:00:00Z");
        long both = article("Pyongyang delegation visits", null, "The delegation met in Pyongyang.", section,
                List.of(), when);
        long onlyPyongyang = article("Pyongyang weather", null, "Rain in Pyongyang.", section, List.of(),
                when.plusSeconds(1));
        long onlyDelegation = article("Trade delegation", null, "A delegation from Busan.", section, List.of(),
                when.plusSeconds(2));
        assertEquals(List.of((int) both), ids(section, "\"Pyongyang delegation\""));
        assertEquals(new HashSet<>(List.of((int) both, (int) onlyPyongyang, (int) onlyDelegation)),
                new HashSet<>(ids(section, "Pyongyang OR delegation")));
        assertEquals(new HashSet<>(List.of((int) onlyPyongyang)), new HashSet<>(ids(section, "Pyongyang -delegation")));
    }

    @Test
    void combinesSearchWithTagsDatesAndDateOrder() {
        String section = Fixtures.unique("combined");
        Instant base = Instant.parse("2025-03-01T00:00:00Z");
        long early = article("Harbour news", null, "The harbour opens.", section, List.of("port", "city"), base);
        long late = article("Harbour news again", null, "The harbour closes.", section, List.of("port", "city"),
                base.plusSeconds(86_400 * 5));
        article("Harbour elsewhere", null, "Another harbour.", section, List.of("port"), base.plusSeconds(86_400));
        given().queryParam("q", "harbour").queryParam("section", section).queryParam("tag", "port")
                .queryParam("tag", "city").queryParam("sort", "newest").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains((int) late, (int) early));
        given().queryParam("q", "harbour").queryParam("section", section).queryParam("tag", "city")
                .queryParam("from", "2025-03-03").queryParam("to", "2025-03-10").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains((int) late));
        given().queryParam("q", "harbour").queryParam("section", section).queryParam("sort", "oldest")
                .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(3))
                .body("items[0].id", equalTo((int) early));
    }

    @Test
    void pagesThroughSearchResultsByRelevanceEachOnce() {
        String section = Fixtures.unique("pages");
        Instant base = Instant.parse("2025-04-01T00:00:00Z");
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Different numbers of matches give different ranks; equal ones tie and the id breaks the tie.
            made.add((int) article("Lighthouse " + i, null, "lighthouse ".repeat(1 + i % 3) + "story " + i, section,
                    List.of(), base.plusSeconds(i)));
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", "lighthouse").queryParam("section", section).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(new HashSet<>(made), new HashSet<>(seen));
        // Best first: three body matches, then two, then one; within a rank the newer id first.
        assertEquals(List.of(made.get(5), made.get(2), made.get(4), made.get(1), made.get(6), made.get(3),
                made.get(0)), seen);
    }

    @Test
    void leavesHighlightNullWithoutASearchAndRefusesBadSearches() {
        String section = Fixtures.unique("plain");
        article("Plain", null, "Body", section, List.of(), Instant.parse("2025-05-01T00:00:00Z"));
        given().queryParam("section", section).get("/api/v1/articles").then().statusCode(200)
                .body("items.highlight", everyItem(nullValue()));
        problem(given().queryParam("q", " ").get("/api/v1/articles").then(), "VALIDATION_FAILED", "/api/v1/articles")
                .body("errors[0].field", equalTo("q"));
        problem(given().queryParam("q", "x".repeat(201)).get("/api/v1/articles").then(), "VALIDATION_FAILED",
                "/api/v1/articles")
                .body("errors[0].field", equalTo("q"));
        problem(given().queryParam("sort", "relevance").get("/api/v1/articles").then(), "VALIDATION_FAILED",
                "/api/v1/articles")
                .body("errors[0].field", equalTo("sort")).body("errors[0].message", containsString("q"));
        String relevanceCursor = given().queryParam("q", "plain").queryParam("limit", 1).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        if (relevanceCursor != null) {
            problem(given().queryParam("cursor", relevanceCursor).get("/api/v1/articles").then(), "VALIDATION_FAILED",
                    "/api/v1/articles")
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void searchesDraftsOnlyForEditors() {
        String word = "qvw" + Fixtures.unique("d").replace("-", "");
        Fixtures.createArticle(Map.of("headline", "Draft about " + word));
        given().queryParam("q", word).get("/api/v1/articles").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.editor()).queryParam("q", word).queryParam("status", "draft")
                .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("draft"));
    }

    @Test
    void findsAnArticleByItsNewWordsAfterABlockIsEdited() {
        String section = Fixtures.unique("edit");
        var created = Fixtures.publishedArticle(section);
        long id = created.jsonPath().getLong("id");
        long block = created.jsonPath().getLong("paragraphs[0].id");
        String word = "kxq" + section.replace("-", "").substring(4);
        String etag = given().get("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().extract().header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", etag)
                .contentType("application/merge-patch+json").body("{\"text\":\"Now about " + word + "\"}")
                .patch("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200);
        assertEquals(List.of((int) id), ids(section, word));
    }

    private static List<Integer> ids(String section, String q) {
        return given().queryParam("q", q).queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
    }
}
