package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Revisions (issue 13): one per change, in the change's transaction; listed, read, compared and restored by editors. */
@QuarkusTest
class RevisionResourceTest {

    private static final String MERGE = "application/merge-patch+json";

    @Test
    void everyKindOfChangeRecordsOneRevisionWithItsAuthorAndKind() {
        ExtractableResponse<Response> created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        etag = patch(id, etag, "{\"headline\":\"Patched headline\"}").header("ETag");
        etag = patch(id, etag, "{\"status\":\"published\"}").header("ETag");
        var inserted = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "heading", "text", "Inserted", "position", 1))
                .post("/api/v1/articles/{id}/paragraphs", id).then().statusCode(201).extract();
        long block = inserted.jsonPath().getLong("id");
        String blockTag = inserted.header("ETag");
        blockTag = editor().header("If-Match", blockTag).contentType(MERGE).body("{\"text\":\"Edited\"}")
                .patch("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200).extract()
                .header("ETag");
        blockTag = editor().header("If-Match", blockTag).contentType(MERGE).body("{\"position\":2}")
                .patch("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200).extract()
                .header("ETag");
        editor().header("If-Match", blockTag).delete("/api/v1/articles/{id}/paragraphs/{p}", id, block).then()
                .statusCode(204);
        etag = current(id);
        etag = patch(id, etag, "{\"status\":\"draft\"}").header("ETag");
        editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("headline", "Replaced", "paragraphs", List.of(Map.of("type", "paragraph", "text", "New"))))
                .put("/api/v1/articles/{id}", id).then().statusCode(200);

        editor().get("/api/v1/articles/{id}/revisions", id).then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("items.number", contains(9, 8, 7, 6, 5, 4, 3, 2, 1))
                .body("items.kind", contains("replaced", "unpublished", "block-removed", "block-moved",
                        "block-edited", "block-inserted", "published", "patched", "created"))
                .body("items.author", everyItemIs("test-user", 9))
                .body("items[0].headline", equalTo("Replaced")).body("items[7].headline", equalTo("Patched headline"))
                .body("nextCursor", nullValue());
    }

    @Test
    void aSnapshotIsTheArticleAsThatChangeLeftIt() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("rev"));
        long id = created.jsonPath().getLong("id");
        Map<String, Object> first = created.jsonPath().getMap("");
        patch(id, created.header("ETag"), "{\"headline\":\"Second\",\"tags\":[\"gamma\"]}");
        var snapshot = editor().get("/api/v1/articles/{id}/revisions/1", id).then().statusCode(200)
                .header("Cache-Control", "private, no-store").extract();
        assertEquals(first, snapshot.jsonPath().getMap(""));
        String revisionTag = snapshot.header("ETag");
        assertNotNull(revisionTag);
        editor().header("If-None-Match", revisionTag).get("/api/v1/articles/{id}/revisions/1", id).then()
                .statusCode(304);
        editor().get("/api/v1/articles/{id}/revisions/2", id).then().statusCode(200)
                .body("headline", equalTo("Second")).body("tags", contains("gamma"))
                .body("paragraphs", hasSize(3));
    }

    @Test
    void theListIsCursorPagedNewestFirst() {
        long id = articleWithRevisions(5);
        var first = editor().queryParam("limit", 2).get("/api/v1/articles/{id}/revisions", id).then()
                .statusCode(200).body("items.number", contains(5, 4)).extract();
        String cursor = first.jsonPath().getString("nextCursor");
        assertNotNull(first.header("Link"));
        var second = editor().queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/articles/{id}/revisions", id).then().statusCode(200).body("items.number", contains(3, 2))
                .extract();
        editor().queryParam("limit", 2).queryParam("cursor", second.jsonPath().getString("nextCursor"))
                .get("/api/v1/articles/{id}/revisions", id).then().statusCode(200).body("items.number", contains(1))
                .body("nextCursor", nullValue());
        // A cursor is for the article it came from.
        long other = articleWithRevisions(1);
        String path = "/api/v1/articles/" + other + "/revisions";
        problem(editor().queryParam("cursor", cursor).get(path).then(), "VALIDATION_FAILED", path)
                .body("errors[0].field", equalTo("cursor"));
        problem(editor().queryParam("limit", 0).get(path).then(), "VALIDATION_FAILED", path);
        problem(editor().queryParam("sort", "oldest").get(path).then(), "UNKNOWN_PARAMETER", path);
    }

    @Test
    void theDiffNamesFieldsAndBlocksAddedRemovedMovedAndEdited() {
        var created = Fixtures.createArticle(Map.of("headline", "Before", "section", "news", "paragraphs", List.of(
                Map.of("type", "paragraph", "text", "One"), Map.of("type", "paragraph", "text", "Two"),
                Map.of("type", "paragraph", "text", "Three"), Map.of("type", "paragraph", "text", "Four"))));
        long id = created.jsonPath().getLong("id");
        List<Long> blocks = created.jsonPath().getList("paragraphs.id", Long.class);
        String etag = patch(id, created.header("ETag"), "{\"headline\":\"After\",\"section\":null}").header("ETag");
        // Two is edited, Four moves to the top, Three goes, Five comes.
        blockPatch(id, blocks.get(1), "{\"text\":\"Two, edited\"}");
        blockPatch(id, blocks.get(3), "{\"position\":1}");
        editor().header("If-Match", blockTag(id, blocks.get(2))).delete("/api/v1/articles/{id}/paragraphs/{p}", id,
                blocks.get(2)).then().statusCode(204);
        editor().header("If-Match", current(id)).contentType(ContentType.JSON)
                .body(Map.of("type", "pullquote", "text", "Five", "attribution", "Someone"))
                .post("/api/v1/articles/{id}/paragraphs", id).then().statusCode(201);

        editor().queryParam("against", 1).get("/api/v1/articles/{id}/revisions/6/diff", id).then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(6))
                .body("fields.field", containsInAnyOrder("headline", "section"))
                .body("fields.find { it.field == 'headline' }.from", equalTo("Before"))
                .body("fields.find { it.field == 'headline' }.to", equalTo("After"))
                .body("fields.find { it.field == 'section' }.to", nullValue())
                .body("added.text", contains("Five")).body("added[0].position", equalTo(4))
                .body("removed.text", contains("Three")).body("removed[0].position", equalTo(3))
                .body("moved.text", contains("Four")).body("moved[0].fromPosition", equalTo(4))
                .body("moved[0].toPosition", equalTo(1))
                .body("edited", hasSize(1)).body("edited[0].oldText", equalTo("Two"))
                .body("edited[0].newText", equalTo("Two, edited"))
                .body("edited[0].id", equalTo(blocks.get(1).intValue()));
        // The other way round, and a revision against itself.
        editor().queryParam("against", 6).get("/api/v1/articles/{id}/revisions/1/diff", id).then().statusCode(200)
                .body("added.text", contains("Three")).body("removed.text", contains("Five"));
        editor().queryParam("against", 3).get("/api/v1/articles/{id}/revisions/3/diff", id).then().statusCode(200)
                .body("fields", empty()).body("added", empty()).body("removed", empty()).body("moved", empty())
                .body("edited", empty());
    }

    @Test
    void aReplacedBodyMatchesBlocksByContent() {
        var created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Body"), "paragraphs", List.of(
                Map.of("type", "paragraph", "text", "A"), Map.of("type", "paragraph", "text", "B"))));
        long id = created.jsonPath().getLong("id");
        String etag = editor().header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("headline", "Same body, reversed", "paragraphs", List.of(
                        Map.of("type", "paragraph", "text", "B"), Map.of("type", "paragraph", "text", "A"))))
                .put("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        editor().queryParam("against", 1).get("/api/v1/articles/{id}/revisions/2/diff", id).then().statusCode(200)
                .body("added", empty()).body("removed", empty()).body("edited", empty()).body("moved", hasSize(1));
        // A block rewritten in a body sent whole is an edit, found by its position.
        patch(id, etag, "{\"paragraphs\":[{\"type\":\"paragraph\",\"text\":\"B\"},"
                + "{\"type\":\"heading\",\"text\":\"A, rewritten\"}]}");
        editor().queryParam("against", 2).get("/api/v1/articles/{id}/revisions/3/diff", id).then().statusCode(200)
                .body("added", empty()).body("removed", empty()).body("moved", empty())
                .body("edited.oldText", contains("A")).body("edited.newText", contains("A, rewritten"))
                .body("edited[0].oldType", equalTo("paragraph")).body("edited[0].newType", equalTo("heading"));
    }

    @Test
    void restoreMakesTheArticleThatRevisionAgainAsANewRevision() {
        var created = Fixtures.publishedArticle(Fixtures.unique("rev"));
        long id = created.jsonPath().getLong("id");
        Map<String, Object> original = created.jsonPath().getMap("");
        String etag = patch(id, created.header("ETag"), "{\"headline\":\"Changed\",\"status\":\"draft\"}")
                .header("ETag");
        etag = editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("headline", "Rewritten", "paragraphs", List.of(Map.of("type", "heading", "text", "Only"))))
                .put("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        var restored = editor().header("If-Match", etag).post("/api/v1/articles/{id}/revisions/1/restore", id).then()
                .statusCode(200).header("Cache-Control", "private, no-store").extract();
        Map<String, Object> now = restored.jsonPath().getMap("");
        for (String field : List.of("slug", "headline", "subheadline", "section", "tags", "status", "publishedAt",
                "commentsOpen", "paragraphCount")) {
            assertEquals(original.get(field), now.get(field), field);
        }
        assertEquals(created.jsonPath().getList("paragraphs.text"), restored.jsonPath().getList("paragraphs.text"));
        editor().get("/api/v1/articles/{id}", id).then().statusCode(200).header("ETag", restored.header("ETag"));
        // Readers see it again: it was published in revision 1.
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).body("headline",
                equalTo(original.get("headline")));
        editor().get("/api/v1/articles/{id}/revisions", id).then().body("items[0].number", equalTo(4))
                .body("items[0].kind", equalTo("restored"));
        editor().queryParam("against", 1).get("/api/v1/articles/{id}/revisions/4/diff", id).then()
                .body("fields", empty()).body("added", empty()).body("removed", empty()).body("moved", empty());
    }

    @Test
    void restoreKeepsTheCurrentSlugWhenAnotherArticleTookTheOldOne() {
        String slug = Fixtures.unique("old-slug");
        var created = Fixtures.createArticle(Map.of("headline", "Slugged", "slug", slug));
        long id = created.jsonPath().getLong("id");
        String etag = patch(id, created.header("ETag"), "{\"slug\":\"" + slug + "-new\"}").header("ETag");
        Fixtures.createArticle(Map.of("headline", "Taker", "slug", slug));
        editor().header("If-Match", etag).post("/api/v1/articles/{id}/revisions/1/restore", id).then().statusCode(200)
                .body("slug", equalTo(slug + "-new")).body("headline", equalTo("Slugged"));
    }

    @Test
    void restoreNeedsTheCurrentVersion() {
        var created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        String stale = created.header("ETag");
        patch(id, stale, "{\"headline\":\"Moved on\"}");
        String path = "/api/v1/articles/" + id + "/revisions/1/restore";
        problem(editor().post(path).then(), "PRECONDITION_REQUIRED", path);
        problem(editor().header("If-Match", stale).post(path).then(), "PRECONDITION_FAILED", path);
        problem(editor().header("If-Match", current(id)).post("/api/v1/articles/" + id + "/revisions/9/restore")
                .then(), "NOT_FOUND", "/api/v1/articles/" + id + "/revisions/9/restore");
        editor().get("/api/v1/articles/{id}", id).then().body("headline", equalTo("Moved on"));
    }

    @Test
    void revisionsAreForEditorsOnly() {
        long id = Fixtures.publishedArticle(Fixtures.unique("rev")).jsonPath().getLong("id");
        for (String path : List.of("/api/v1/articles/" + id + "/revisions", "/api/v1/articles/" + id + "/revisions/1",
                "/api/v1/articles/" + id + "/revisions/1/diff?against=1")) {
            problem(given().get(path).then(), "UNAUTHENTICATED", path.replaceAll("\\?.*", ""));
            problem(given().auth().oauth2(TestTokens.moderator()).get(path).then(), "FORBIDDEN",
                    path.replaceAll("\\?.*", ""));
        }
        String restore = "/api/v1/articles/" + id + "/revisions/1/restore";
        problem(given().header("If-Match", current(id)).post(restore).then(), "UNAUTHENTICATED", restore);
    }

    @Test
    void unknownArticlesRevisionsAndBadNumbersAreProblems() {
        long id = articleWithRevisions(2);
        String base = "/api/v1/articles/" + id + "/revisions/";
        problem(editor().get("/api/v1/articles/no-such-article-here/revisions").then(), "NOT_FOUND",
                "/api/v1/articles/no-such-article-here/revisions");
        for (String number : List.of("3", "0", "-1", "x", "99999999999")) {
            problem(editor().get(base + number).then(), "NOT_FOUND", base + number);
        }
        String diff = base + "2/diff";
        problem(editor().get(diff).then(), "VALIDATION_FAILED", diff).body("errors[0].field", equalTo("against"));
        problem(editor().queryParam("against", "two").get(diff).then(), "VALIDATION_FAILED", diff);
        problem(editor().queryParam("against", 0).get(diff).then(), "VALIDATION_FAILED", diff);
        problem(editor().queryParam("against", 7).get(diff).then(), "NOT_FOUND", diff);
        problem(editor().queryParam("against", 1).queryParam("x", 1).get(diff).then(), "UNKNOWN_PARAMETER", diff);
    }

    @Test
    void deletingAnArticleDeletesItsRevisions() {
        var created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        editor().header("If-Match", created.header("ETag")).delete("/api/v1/articles/{id}", id).then().statusCode(204);
        String path = "/api/v1/articles/" + id + "/revisions";
        problem(editor().get(path).then(), "NOT_FOUND", path);
    }

    /** A restore and an edit sent with the same ETag at the same instant: one wins, the other is a 412. */
    @Test
    void aRestoreRacingAnEditOneWinsTheOtherIs412() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                var created = Fixtures.draftArticle();
                long id = created.jsonPath().getLong("id");
                String etag = patch(id, created.header("ETag"), "{\"headline\":\"Second\"}").header("ETag");
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> restore = pool.submit(() -> {
                    start.await();
                    return editor().header("If-Match", etag).post("/api/v1/articles/{id}/revisions/1/restore", id)
                            .then().extract().statusCode();
                });
                Future<Integer> edit = pool.submit(() -> {
                    start.await();
                    return editor().header("If-Match", etag).contentType(MERGE).body("{\"headline\":\"Third\"}")
                            .patch("/api/v1/articles/{id}", id).then().extract().statusCode();
                });
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(restore.get(), edit.get()));
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, "round " + round + ": restore " + restore.get()
                        + ", edit " + edit.get());
                String winner = restore.get() == 200 ? "restored" : "patched";
                editor().get("/api/v1/articles/{id}/revisions", id).then().statusCode(200)
                        .body("items.number", contains(3, 2, 1)).body("items[0].kind", equalTo(winner));
                editor().get("/api/v1/articles/{id}", id).then()
                        .body("headline", equalTo(restore.get() == 200
                                ? created.jsonPath().getString("headline")
                                : "Third"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void restoresAndComparesImagesAndTheLeadImage() {
        Map<String, Object> picture = Map.of("src", "https://images.example/harbour.jpg", "alt", "The harbour at dawn",
                "caption", "Dawn", "credit", "Wire", "width", 1200, "height", 800);
        var created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Pictured"), "leadImage", picture,
                "paragraphs", List.of(Map.of("type", "paragraph", "text", "Words."),
                        Map.of("type", "image", "image", picture))));
        long id = created.jsonPath().getLong("id");
        patch(id, created.header("ETag"),
                "{\"leadImage\": null, \"paragraphs\": [{\"type\": \"paragraph\", \"text\": \"Words.\"}]}");
        String line = "[Image: The harbour at dawn | https://images.example/harbour.jpg | Dawn | Wire | 1200x800]";
        editor().queryParam("against", 2).get("/api/v1/articles/{id}/revisions/1/diff", id).then().statusCode(200)
                .body("fields.find { it.field == 'leadImage' }.from", equalTo(null))
                .body("fields.find { it.field == 'leadImage' }.to", equalTo(line))
                .body("added.text", contains(line));

        editor().header("If-Match", current(id)).post("/api/v1/articles/{id}/revisions/1/restore", id).then()
                .statusCode(200).body("leadImage.src", equalTo("https://images.example/harbour.jpg"))
                .body("paragraphs.type", contains("paragraph", "image"))
                .body("paragraphs[1].image.alt", equalTo("The harbour at dawn"))
                .body("paragraphs[1].image.width", equalTo(1200));
    }

    // ---- helpers

    static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    private static ExtractableResponse<Response> patch(long id, String etag, String body) {
        return editor().header("If-Match", etag).contentType(MERGE).body(body).patch("/api/v1/articles/{id}", id)
                .then().statusCode(200).extract();
    }

    private static void blockPatch(long id, long block, String body) {
        editor().header("If-Match", blockTag(id, block)).contentType(MERGE).body(body)
                .patch("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200);
    }

    private static String blockTag(long id, long block) {
        return editor().get("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200).extract()
                .header("ETag");
    }

    private static String current(long id) {
        return editor().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    /** An article with {@code count} revisions: its creation and count - 1 patches. */
    static long articleWithRevisions(int count) {
        var created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        for (int i = 2; i <= count; i++) {
            etag = patch(id, etag, "{\"headline\":\"Edit " + i + " at " + Instant.now() + "\"}").header("ETag");
        }
        return id;
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value, int count) {
        List<org.hamcrest.Matcher<? super String>> matchers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            matchers.add(equalTo(value));
        }
        assertTrue(count > 0);
        return contains(matchers);
    }
}
