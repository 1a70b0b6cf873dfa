package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.charset.StandardCharsets;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ParagraphResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    private static final String PRIVATE = "private, no-store";
    private static final String TYPES_MESSAGE = BlockTypes.MESSAGE;

    /** The three blocks of {@link Fixtures#publishedArticle}, in reading order. */
    private static final List<String> FIXTURE_TEXTS = List.of("First block of the story.", "A heading",
            "Quoted words.");

    // ---- reading

    @Test
    void listsTheBlocksOfAPublishedArticleInReadingOrder() {
        long article = publishedArticleId();
        given().get(blocksPath(article))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .body("items", hasSize(3))
                .body("items.position", contains(1, 2, 3))
                .body("items.type", contains("paragraph", "heading", "pullquote"))
                .body("items.text", contains(FIXTURE_TEXTS.toArray()))
                .body("items.attribution", contains(null, null, "Someone"))
                .body("items[0].id", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersTheBlocksByType() {
        long article = publishedArticleId();
        given().queryParam("type", "pullquote").get(blocksPath(article))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("pullquote"))
                .body("items[0].position", equalTo(3))
                .body("items[0].text", equalTo("Quoted words."))
                .body("items[0].attribution", equalTo("Someone"));
        given().queryParam("type", "blockquote").get(blocksPath(article))
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void refusesAnUnknownBlockTypeFilterWithTheWholeProblem() {
        long article = publishedArticleId();
        problem(given().queryParam("type", "poem").get(blocksPath(article)).then(), 400, "VALIDATION_FAILED",
                "validation", "Invalid request", blocksPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("type"))
                .body("errors.message", contains(TYPES_MESSAGE));
    }

    @Test
    void refusesAnUnknownListParameter() {
        long article = publishedArticleId();
        problem(given().queryParam("colour", "red").get(blocksPath(article)).then(), 400, "UNKNOWN_PARAMETER",
                "unknown-parameter", "Unknown parameter", blocksPath(article))
                .body("detail", equalTo("Unknown query parameter: colour (this endpoint takes type)"))
                .body("$", not(hasKey("errors")));
    }

    @Test
    void hidesADraftsBlocksFromReadersButShowsThemToEditors() {
        long draft = Fixtures.draftArticle().jsonPath().getLong("id");
        problem(given().get(blocksPath(draft)).then(), 404, "NOT_FOUND", "not-found", "Not found", blocksPath(draft))
                .body("detail", equalTo("This article does not exist"));
        given().auth().oauth2(TestTokens.editor()).get(blocksPath(draft))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PRIVATE)
                .body("items.position", contains(1))
                .body("items.text", contains("Not yet."));
    }

    @Test
    void readsOneBlockWithAStrongEtagAndPublicCaching() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long pullquote = created.jsonPath().getLong("paragraphs[2].id");
        String etag = given().get(blockPath(article, pullquote))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", startsWith("\"p" + pullquote + "."))
                .header("Cache-Control", PUBLIC)
                .header("Last-Modified", notNullValue())
                .body("id", equalTo((int) pullquote))
                .body("position", equalTo(3))
                .body("type", equalTo("pullquote"))
                .body("text", equalTo("Quoted words."))
                .body("attribution", equalTo("Someone"))
                .extract().header("ETag");
        assertTrue(etag.endsWith("\"") && !etag.startsWith("W/"), "a strong, quoted ETag: " + etag);
    }

    @Test
    void answersNotFoundForUnknownMalformedAndForeignBlockIds() {
        long article = publishedArticleId();
        long foreignBlock = Fixtures.publishedArticle(Fixtures.unique("p")).jsonPath().getLong("paragraphs[0].id");
        for (String id : List.of("999999999", "abc", "0", String.valueOf(foreignBlock))) {
            String path = blocksPath(article) + "/" + id;
            problem(given().get(path).then(), 404, "NOT_FOUND", "not-found", "Not found", path)
                    .body("detail", equalTo("This paragraph does not exist"))
                    .body("$", not(hasKey("errors")));
        }
    }

    @Test
    void answersNotModifiedForACurrentBlockEtag() {
        // If-None-Match with the current ETag answers 304 with no body (docs/http-api.md §3).
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long first = created.jsonPath().getLong("paragraphs[0].id");
        String etag = given().get(blockPath(article, first)).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(blockPath(article, first))
                .then().statusCode(304).header("ETag", etag).body(emptyOrNullString());
    }

    // ---- inserting

    @Test
    void insertingNeedsTheArticlesCurrentEtag() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long firstBlock = created.jsonPath().getLong("paragraphs[0].id");
        Map<String, Object> block = Map.of("type", "paragraph", "text", "Inserted");

        problem(editor().contentType(ContentType.JSON).body(block).post(blocksPath(article)).then(), 428,
                "PRECONDITION_REQUIRED", "precondition-required", "Precondition required", blocksPath(article))
                .body("detail", startsWith("This write needs an If-Match header"));
        problem(editor().header("If-Match", "\"a" + article + ".999\"").contentType(ContentType.JSON).body(block)
                .post(blocksPath(article)).then(), 412, "PRECONDITION_FAILED", "precondition-failed",
                "Precondition failed", blocksPath(article))
                .body("detail", startsWith("The resource has changed since you read it"));
        // A block's ETag is not the article's: inserting carries the article's (docs/http-api.md §3).
        String blockEtag = editor().get(blockPath(article, firstBlock)).then().statusCode(200).extract()
                .header("ETag");
        problem(editor().header("If-Match", blockEtag).contentType(ContentType.JSON).body(block)
                .post(blocksPath(article)).then(), "PRECONDITION_FAILED", blocksPath(article));
        assertEquals(FIXTURE_TEXTS, texts(article));
    }

    @Test
    void insertsAtTheEndByDefaultAndChangesTheArticlesEtag() {
        long article = publishedArticleId();
        String before = articleEtag(article);
        ExtractableResponse<Response> inserted = editor().header("If-Match", before).contentType(ContentType.JSON)
                .body(Map.of("type", "blockquote", "text", "Appended words.", "attribution", "A reader"))
                .post(blocksPath(article))
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("ETag", startsWith("\"p"))
                .header("Cache-Control", PRIVATE)
                .body("position", equalTo(4))
                .body("type", equalTo("blockquote"))
                .body("text", equalTo("Appended words."))
                .body("attribution", equalTo("A reader"))
                .extract();
        long id = inserted.jsonPath().getLong("id");
        String location = inserted.header("Location");
        assertEquals(blocksPath(article) + "/" + id, location.substring(location.indexOf("/api/")));
        assertTrue(inserted.header("ETag").startsWith("\"p" + id + "."));

        String after = articleEtag(article);
        assertNotEquals(before, after);
        given().get("/api/v1/articles/{id}", article).then().statusCode(200)
                .body("paragraphCount", equalTo(4))
                .body("paragraphs.position", contains(1, 2, 3, 4))
                .body("paragraphs.text", contains("First block of the story.", "A heading", "Quoted words.",
                        "Appended words."));
        given().get(location).then().statusCode(200).body("id", equalTo((int) id)).body("position", equalTo(4));
        // The ETag the insert used is stale now.
        problem(editor().header("If-Match", before).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "Again")).post(blocksPath(article)).then(),
                "PRECONDITION_FAILED", blocksPath(article));
    }

    @Test
    void insertsAtTheTopAndRenumbersTheOthersDensely() {
        long article = publishedArticleId();
        List<Integer> idsBefore = ids(article);
        long id = editor().header("If-Match", articleEtag(article)).contentType(ContentType.JSON)
                .body(Map.of("type", "heading", "text", "New top", "position", 1))
                .post(blocksPath(article))
                .then().statusCode(201).body("position", equalTo(1)).body("type", equalTo("heading"))
                .extract().jsonPath().getLong("id");
        given().get(blocksPath(article)).then().statusCode(200)
                .body("items.position", contains(1, 2, 3, 4))
                .body("items.text", contains("New top", "First block of the story.", "A heading", "Quoted words."))
                .body("items.id", contains((int) id, idsBefore.get(0), idsBefore.get(1), idsBefore.get(2)));
        given().get("/api/v1/articles/{id}", article).then().statusCode(200)
                .body("paragraphCount", equalTo(4))
                .body("paragraphs.text", contains("New top", "First block of the story.", "A heading",
                        "Quoted words."));
    }

    @Test
    void insertsInTheMiddleAndShiftsOnlyTheBlocksAfterIt() {
        long article = publishedArticleId();
        editor().header("If-Match", articleEtag(article)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "Middle", "position", 2))
                .post(blocksPath(article)).then().statusCode(201).body("position", equalTo(2));
        assertEquals(List.of(1, 2, 3, 4), positions(article));
        assertEquals(List.of("First block of the story.", "Middle", "A heading", "Quoted words."), texts(article));
    }

    @Test
    void refusesAnInsertPositionBeyondTheEnd() {
        long article = publishedArticleId();
        String etag = articleEtag(article);
        problem(editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "Too far", "position", 5)).post(blocksPath(article)).then(),
                400, "VALIDATION_FAILED", "validation", "Invalid request", blocksPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("position"))
                .body("errors.message", contains("must be from 1 to 4 (the article has 3 blocks)"));
        problem(editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "Too high", "position", 0)).post(blocksPath(article))
                .then(), 400, "VALIDATION_FAILED", "validation", "Invalid request", blocksPath(article))
                .body("errors.field", contains("position"));
        problem(editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "poem", "text", " ")).post(blocksPath(article)).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", blocksPath(article))
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors.field", contains("text", "type"));
        // Nothing was stored, and the article's ETag still holds.
        assertEquals(FIXTURE_TEXTS, texts(article));
        assertEquals(etag, articleEtag(article));
    }

    // ---- replacing (PUT)

    @Test
    void replacesABlocksTypeAndTextWithItsEtag() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long heading = created.jsonPath().getLong("paragraphs[1].id");
        String etag = blockEtag(article, heading);
        String articleBefore = articleEtag(article);
        Map<String, Object> replacement = Map.of("type", "blockquote", "text", "Now a quote.", "attribution", "Her");

        problem(editor().contentType(ContentType.JSON).body(replacement).put(blockPath(article, heading)).then(),
                428, "PRECONDITION_REQUIRED", "precondition-required", "Precondition required",
                blockPath(article, heading));
        problem(editor().header("If-Match", "\"p" + heading + ".999\"").contentType(ContentType.JSON)
                .body(replacement).put(blockPath(article, heading)).then(), 412, "PRECONDITION_FAILED",
                "precondition-failed", "Precondition failed", blockPath(article, heading));
        // The article's ETag is not the block's.
        problem(editor().header("If-Match", articleBefore).contentType(ContentType.JSON).body(replacement)
                .put(blockPath(article, heading)).then(), "PRECONDITION_FAILED", blockPath(article, heading));

        String newEtag = editor().header("If-Match", etag).contentType(ContentType.JSON).body(replacement)
                .put(blockPath(article, heading))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", startsWith("\"p" + heading + "."))
                .body("id", equalTo((int) heading))
                .body("position", equalTo(2))
                .body("type", equalTo("blockquote"))
                .body("text", equalTo("Now a quote."))
                .body("attribution", equalTo("Her"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        assertEquals(newEtag, blockEtag(article, heading));
        assertNotEquals(articleBefore, articleEtag(article));
        given().get(blocksPath(article)).then().statusCode(200)
                .body("items.type", contains("paragraph", "blockquote", "pullquote"))
                .body("items.text", contains("First block of the story.", "Now a quote.", "Quoted words."));
        // The first writer's ETag is stale now: no silent overwrite.
        problem(editor().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("type", "heading", "text", "Lost update")).put(blockPath(article, heading)).then(),
                "PRECONDITION_FAILED", blockPath(article, heading));
        assertEquals(List.of("First block of the story.", "Now a quote.", "Quoted words."), texts(article));
    }

    @Test
    void refusesAnAttributionOnAPlainParagraphBlock() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long first = created.jsonPath().getLong("paragraphs[0].id");
        problem(editor().header("If-Match", blockEtag(article, first)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "Said someone", "attribution", "me"))
                .put(blockPath(article, first)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                blockPath(article, first))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("attribution"))
                .body("errors.message", contains("is only allowed on pullquote and blockquote blocks"));
        assertEquals(FIXTURE_TEXTS, texts(article));
    }

    @Test
    void movesABlockDownAndBackUpWithPutRenumberingDensely() {
        long article = fourBlockArticle();
        List<Integer> ids = ids(article);
        long a = ids.get(0);

        // 1 -> 3: B and C move up one, D stays.
        editor().header("If-Match", blockEtag(article, a)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "A", "position", 3)).put(blockPath(article, a))
                .then().statusCode(200).body("position", equalTo(3)).body("text", equalTo("A"));
        assertEquals(List.of(1, 2, 3, 4), positions(article));
        assertEquals(List.of("B", "C", "A", "D"), texts(article));
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(0), ids.get(3)), ids(article));

        // 3 -> 1: back where it was.
        editor().header("If-Match", blockEtag(article, a)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "A", "position", 1)).put(blockPath(article, a))
                .then().statusCode(200).body("position", equalTo(1));
        assertEquals(List.of(1, 2, 3, 4), positions(article));
        assertEquals(List.of("A", "B", "C", "D"), texts(article));
        assertEquals(ids, ids(article));

        // To the very end, 1 -> 4.
        editor().header("If-Match", blockEtag(article, a)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "A", "position", 4)).put(blockPath(article, a))
                .then().statusCode(200).body("position", equalTo(4));
        assertEquals(List.of(1, 2, 3, 4), positions(article));
        assertEquals(List.of("B", "C", "D", "A"), texts(article));
    }

    @Test
    void refusesToMoveABlockPastTheLastPosition() {
        long article = fourBlockArticle();
        long b = ids(article).get(1);
        String path = blockPath(article, b);
        problem(editor().header("If-Match", blockEtag(article, b)).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "B", "position", 5)).put(path).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", path)
                .body("errors.field", contains("position"))
                .body("errors.message", contains("must be from 1 to 4 (the article has 4 blocks)"));
        assertEquals(List.of("A", "B", "C", "D"), texts(article));
    }

    // ---- merge patch

    @Test
    void mergePatchMovesABlockToTheTopAndChangesTheRenumberedBlocksEtags() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        List<Integer> ids = created.jsonPath().getList("paragraphs.id");
        long quote = ids.get(2);
        String firstEtag = blockEtag(article, ids.get(0));
        String secondEtag = blockEtag(article, ids.get(1));
        String articleBefore = articleEtag(article);

        editor().header("If-Match", blockEtag(article, quote)).contentType(MERGE_PATCH).body("{\"position\":1}")
                .patch(blockPath(article, quote))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", startsWith("\"p" + quote + "."))
                .body("position", equalTo(1))
                .body("type", equalTo("pullquote"))
                .body("text", equalTo("Quoted words."))
                .body("attribution", equalTo("Someone"));
        assertEquals(List.of(1, 2, 3), positions(article));
        assertEquals(List.of("Quoted words.", "First block of the story.", "A heading"), texts(article));
        // The two blocks that moved down have new representations, so new ETags.
        assertNotEquals(firstEtag, blockEtag(article, ids.get(0)));
        assertNotEquals(secondEtag, blockEtag(article, ids.get(1)));
        given().get(blockPath(article, ids.get(0))).then().statusCode(200).body("position", equalTo(2));
        assertNotEquals(articleBefore, articleEtag(article));
        // An editor holding the old ETag of a renumbered block cannot write over the move.
        problem(editor().header("If-Match", firstEtag).contentType(MERGE_PATCH).body("{\"text\":\"stale\"}")
                .patch(blockPath(article, ids.get(0))).then(), "PRECONDITION_FAILED", blockPath(article, ids.get(0)));
    }

    @Test
    void mergePatchEditsTheTextKeepsTheRestAndChangesTheArticlesEtag() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        List<Integer> ids = created.jsonPath().getList("paragraphs.id");
        long quote = ids.get(2);
        String quoteEtag = blockEtag(article, quote);
        String firstEtag = blockEtag(article, ids.get(0));
        String articleBefore = articleEtag(article);

        String newEtag = editor().header("If-Match", quoteEtag).contentType(MERGE_PATCH)
                // Raw UTF-8 bytes without a charset parameter, as JSON is sent (RFC 8259).
                .body("{\"text\":\"Edited \u201cquote\u201d \u2014 kept exactly.\"}"
                        .getBytes(StandardCharsets.UTF_8))
                .patch(blockPath(article, quote))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo((int) quote))
                .body("position", equalTo(3))
                .body("type", equalTo("pullquote"))
                .body("text", equalTo("Edited \u201cquote\u201d \u2014 kept exactly."))
                .body("attribution", equalTo("Someone"))
                .extract().header("ETag");
        assertNotEquals(quoteEtag, newEtag);
        // A paragraph edit changes the article's ETag too (docs/http-api.md §3).
        String articleAfter = articleEtag(article);
        assertNotEquals(articleBefore, articleAfter);
        given().get("/api/v1/articles/{id}", article).then().statusCode(200)
                .header("ETag", articleAfter)
                .body("paragraphs[2].text", equalTo("Edited \u201cquote\u201d \u2014 kept exactly."));
        // A block that did not change keeps its ETag.
        assertEquals(firstEtag, blockEtag(article, ids.get(0)));
        // Removing the attribution with null.
        editor().header("If-Match", newEtag).contentType(MERGE_PATCH).body("{\"attribution\":null}")
                .patch(blockPath(article, quote))
                .then().statusCode(200).body("attribution", nullValue()).body("type", equalTo("pullquote"));
    }

    @Test
    void mergePatchRefusesANullTextAndAWrongMediaType() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long first = created.jsonPath().getLong("paragraphs[0].id");
        String etag = blockEtag(article, first);
        String path = blockPath(article, first);
        problem(editor().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"text\":null}").patch(path).then(),
                400, "VALIDATION_FAILED", "validation", "Invalid request", path)
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("text"))
                .body("errors.message", contains("must not be blank"));
        problem(editor().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"type\":\"paragraph\","
                + "\"attribution\":\"me\"}").patch(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("attribution"));
        problem(editor().header("If-Match", etag).contentType(ContentType.JSON).body("{\"text\":\"x\"}").patch(path)
                .then(), 415, "UNSUPPORTED_MEDIA_TYPE", "unsupported-media-type", "Unsupported media type", path);
        problem(editor().contentType(MERGE_PATCH).body("{\"text\":\"x\"}").patch(path).then(), 428,
                "PRECONDITION_REQUIRED", "precondition-required", "Precondition required", path);
        assertEquals(FIXTURE_TEXTS, texts(article));
        assertEquals(etag, blockEtag(article, first));
    }

    // ---- deleting

    @Test
    void deletesABlockWithItsEtagAndClosesTheGap() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        List<Integer> ids = created.jsonPath().getList("paragraphs.id");
        long heading = ids.get(1);
        String articleBefore = articleEtag(article);

        problem(editor().delete(blockPath(article, heading)).then(), 428, "PRECONDITION_REQUIRED",
                "precondition-required", "Precondition required", blockPath(article, heading));
        editor().header("If-Match", blockEtag(article, heading)).delete(blockPath(article, heading))
                .then().statusCode(204).body(emptyOrNullString());

        given().get(blocksPath(article)).then().statusCode(200)
                .body("items.position", contains(1, 2))
                .body("items.id", contains(ids.get(0), ids.get(2)))
                .body("items.text", contains("First block of the story.", "Quoted words."));
        given().get("/api/v1/articles/{id}", article).then().statusCode(200)
                .body("paragraphCount", equalTo(2))
                .body("paragraphs.position", contains(1, 2));
        assertNotEquals(articleBefore, articleEtag(article));
        problem(given().get(blockPath(article, heading)).then(), "NOT_FOUND", blockPath(article, heading));
        given().get(blockPath(article, ids.get(2))).then().statusCode(200).body("position", equalTo(2));
    }

    @Test
    void refusesToDeleteABlockWithAStaleEtag() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long first = created.jsonPath().getLong("paragraphs[0].id");
        String stale = blockEtag(article, first);
        editor().header("If-Match", stale).contentType(MERGE_PATCH).body("{\"text\":\"Changed meanwhile\"}")
                .patch(blockPath(article, first)).then().statusCode(200);

        problem(editor().header("If-Match", stale).delete(blockPath(article, first)).then(), 412,
                "PRECONDITION_FAILED", "precondition-failed", "Precondition failed", blockPath(article, first))
                .body("detail", startsWith("The resource has changed since you read it"));
        given().get(blocksPath(article)).then().statusCode(200)
                .body("items.text", contains("Changed meanwhile", "A heading", "Quoted words."));
        given().get("/api/v1/articles/{id}", article).then().body("paragraphCount", equalTo(3));
    }

    // ---- who may write

    @Test
    void refusesAnonymousWritersWithUnauthenticatedAndModeratorsWithForbidden() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("p"));
        long article = created.jsonPath().getLong("id");
        long first = created.jsonPath().getLong("paragraphs[0].id");
        String articleEtag = articleEtag(article);
        String blockEtag = blockEtag(article, first);
        String block = blockPath(article, first);
        Map<String, Object> body = Map.of("type", "paragraph", "text", "Intruder");

        for (String token : new String[]{null, TestTokens.moderator()}) {
            boolean anonymous = token == null;
            int status = anonymous ? 401 : 403;
            String code = anonymous ? "UNAUTHENTICATED" : "FORBIDDEN";
            String slug = anonymous ? "unauthenticated" : "forbidden";
            String title = anonymous ? "Authentication required" : "Forbidden";
            String detail = anonymous ? "A valid bearer token is required" : "Your role does not allow this";

            List<ValidatableResponse> answers = List.of(
                    as(token).header("If-Match", articleEtag).contentType(ContentType.JSON).body(body)
                            .post(blocksPath(article)).then(),
                    as(token).header("If-Match", blockEtag).contentType(ContentType.JSON).body(body).put(block)
                            .then(),
                    as(token).header("If-Match", blockEtag).contentType(MERGE_PATCH).body("{\"text\":\"Intruder\"}")
                            .patch(block).then(),
                    as(token).header("If-Match", blockEtag).delete(block).then());
            List<String> instances = List.of(blocksPath(article), block, block, block);
            for (int i = 0; i < answers.size(); i++) {
                ValidatableResponse answer = problem(answers.get(i), status, code, slug, title, instances.get(i))
                        .body("detail", equalTo(detail));
                if (anonymous) {
                    answer.header("WWW-Authenticate", "Bearer");
                }
            }
        }
        problem(given().auth().oauth2(TestTokens.forged()).header("If-Match", blockEtag).delete(block).then(),
                "UNAUTHENTICATED", block);
        // Nothing changed.
        assertEquals(FIXTURE_TEXTS, texts(article));
        assertEquals(articleEtag, articleEtag(article));
        assertEquals(blockEtag, blockEtag(article, first));
    }

    // ---- helpers

    private static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    private static long publishedArticleId() {
        return Fixtures.publishedArticle(Fixtures.unique("p")).jsonPath().getLong("id");
    }

    /** A published article with four plain blocks A, B, C, D. */
    private static long fourBlockArticle() {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Four blocks"));
        body.put("status", "published");
        body.put("publishedAt", Instant.now().minusSeconds(3600).toString());
        body.put("paragraphs", List.of(Map.of("type", "paragraph", "text", "A"),
                Map.of("type", "paragraph", "text", "B"), Map.of("type", "paragraph", "text", "C"),
                Map.of("type", "paragraph", "text", "D")));
        return Fixtures.createArticle(body).jsonPath().getLong("id");
    }

    private static String blocksPath(long article) {
        return "/api/v1/articles/" + article + "/paragraphs";
    }

    private static String blockPath(long article, long block) {
        return blocksPath(article) + "/" + block;
    }

    private static String articleEtag(long article) {
        return editor().get("/api/v1/articles/{id}", article).then().statusCode(200).extract().header("ETag");
    }

    private static String blockEtag(long article, long block) {
        return editor().get(blockPath(article, block)).then().statusCode(200).extract().header("ETag");
    }

    private static ExtractableResponse<Response> list(long article) {
        return editor().get(blocksPath(article)).then().statusCode(200).extract();
    }

    private static List<String> texts(long article) {
        return list(article).jsonPath().getList("items.text");
    }

    private static List<Integer> positions(long article) {
        return list(article).jsonPath().getList("items.position");
    }

    private static List<Integer> ids(long article) {
        return list(article).jsonPath().getList("items.id");
    }
}
