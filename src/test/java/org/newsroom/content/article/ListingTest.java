package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** Filters alone and together, a walk that stays exact while articles are published, sections and tags. */
@QuarkusTest
class ListingTest {

    private static int publish(String headline, String section, List<String> tags, Instant when) {
        return Fixtures.createArticle(Map.of("headline", headline, "section", section, "tags", tags, "status",
                "published", "publishedAt", when.toString())).jsonPath().getInt("id");
    }

    @Test
    void filtersByTagsWhereAllMustMatch() {
        String section = Fixtures.unique("tags");
        String tag = Fixtures.unique("t");
        Instant when = Instant.parse("2024-06-01T00:00:00Z");
        int both = publish("Both", section, List.of(tag, "other-" + tag), when);
        int one = publish("One", section, List.of(tag), when.plusSeconds(1));
        given().queryParam("tag", tag).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(one, both));
        given().queryParam("tag", tag).queryParam("tag", "other-" + tag).get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(both));
        problem(given().queryParam("tag", "Not A Tag").get("/api/v1/articles").then(), "VALIDATION_FAILED",
                "/api/v1/articles")
                .body("errors[0].field", equalTo("tag"));
    }

    @Test
    void filtersByPublicationDatesAndSortsOldestFirst() {
        String section = Fixtures.unique("dates");
        int march = publish("March", section, List.of(), Instant.parse("2024-03-15T12:00:00Z"));
        int april = publish("April", section, List.of(), Instant.parse("2024-04-15T12:00:00Z"));
        int may = publish("May", section, List.of(), Instant.parse("2024-05-15T12:00:00Z"));
        given().queryParam("section", section).queryParam("from", "2024-04-01").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(may, april));
        given().queryParam("section", section).queryParam("to", "2024-04-15").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(april, march));
        given().queryParam("section", section).queryParam("from", "2024-04-01T00:00:00Z")
                .queryParam("to", "2024-04-30").queryParam("sort", "oldest").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(april));
        given().queryParam("section", section).queryParam("sort", "oldest").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(march, april, may));
    }

    @Test
    void walksEveryArticleOnceWhileOthersArePublishedBeforeAndAfterTheCursor() {
        String section = Fixtures.unique("walk");
        Instant base = Instant.parse("2024-07-01T00:00:00Z");
        List<Integer> original = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            original.add(publish("Walk " + i, section, List.of(), base.plusSeconds(3600L * i)));
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int inserted = 0;
        do {
            var request = given().queryParam("section", section).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            // Between pages: one newer than everything (already behind the cursor) and one in the middle.
            publish("Newer " + inserted, section, List.of(), base.plusSeconds(3600L * (100 + inserted)));
            publish("Middle " + inserted, section, List.of(), base.plusSeconds(3600L * 15 + 60 + inserted));
            inserted++;
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an article came twice: " + seen);
        assertEquals(true, seen.containsAll(original), "an article was skipped");
        List<Integer> originalSeen = seen.stream().filter(original::contains).toList();
        List<Integer> newestFirst = new ArrayList<>(original);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, originalSeen);
    }

    @Test
    void listsSectionsAndTagsWithTheirArticleCounts() {
        String section = Fixtures.unique("sec");
        String tag = Fixtures.unique("tag");
        Instant when = Instant.parse("2024-08-01T00:00:00Z");
        publish("One", section, List.of(tag), when);
        publish("Two", section, List.of(tag), when.plusSeconds(1));
        Fixtures.createArticle(Map.of("headline", "Draft", "section", section, "tags", List.of(tag)));
        given().get("/api/v1/sections").then().statusCode(200)
                .body("items.find { it.name == '" + section + "' }.articleCount", equalTo(2))
                .body("nextCursor", equalTo(null));
        given().get("/api/v1/tags").then().statusCode(200)
                .body("items.find { it.name == '" + tag + "' }.articleCount", equalTo(2));
        String etag = given().get("/api/v1/tags").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/tags").then().statusCode(304);
        problem(given().get("/api/v1/sections?limit=5").then(), "UNKNOWN_PARAMETER", "/api/v1/sections");
    }
}
