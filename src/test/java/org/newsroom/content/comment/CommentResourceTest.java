package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CommentResourceTest {

    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    private static final String PRIVATE = "private, no-store";
    private static final String CONTROL_MESSAGE = "must not contain control characters other than newline and tab";

    // ---- posting

    @Test
    void postsACommentAndAnswersItsTokenOnce() {
        long article = publishedArticle();
        String body = "First line of my comment.\nSecond line,\twith a tab.\n\n  An indented third line.";
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Reader in Busan", "authorEmail", "reader@example.org", "body", body))
                .post(commentsPath(article))
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Cache-Control", PRIVATE)
                .body("articleId", equalTo((int) article))
                .body("parentId", nullValue())
                .body("authorName", equalTo("Reader in Busan"))
                .body("body", equalTo(body))
                .body("status", equalTo("published"))
                .body("editedAt", nullValue())
                .body("replyCount", equalTo(0))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(id > 0);
        assertEquals(id, created.jsonPath().getLong("rootId"));
        String location = created.header("Location");
        assertEquals("/api/v1/comments/" + id, location.substring(location.indexOf("/api/")));

        Instant createdAt = Instant.parse(created.jsonPath().getString("createdAt"));
        Instant editableUntil = Instant.parse(created.jsonPath().getString("editableUntil"));
        assertEquals(Duration.ofMinutes(15), Duration.between(createdAt, editableUntil));
        assertTrue(Duration.between(createdAt, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "createdAt is now: " + createdAt);

        // Exactly these fields: no e-mail, no client address, nothing else.
        Map<String, Object> json = created.jsonPath().getMap("$");
        assertEquals(Set.of("id", "articleId", "parentId", "rootId", "authorName", "body", "status", "createdAt",
                "editedAt", "editableUntil", "replyCount", "token"), json.keySet());
        assertNoPrivateData(created.asString());

        // Read back: the same comment, and the token is not shown again.
        ExtractableResponse<Response> read = given().get(location)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .body("id", equalTo((int) id))
                .body("rootId", equalTo((int) id))
                .body("body", equalTo(body))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")))
                .body("editableUntil", equalTo(created.jsonPath().getString("editableUntil")))
                .body("$", not(hasKey("token")))
                .extract();
        assertFalse(read.jsonPath().getMap("$").containsKey("authorEmail"));
        assertNoPrivateData(read.asString());
        String listed = given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) id)).extract().asString();
        assertNoPrivateData(listed);
        assertFalse(listed.contains(created.jsonPath().getString("token")), "the token is shown once only");
    }

    @Test
    void storesTextNfcNormalised() {
        long article = publishedArticle();
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Ren\u0065\u0301", "body", "Caf\u0065\u0301 au lait"))
                .post(commentsPath(article))
                .then().statusCode(201)
                .body("authorName", equalTo("Ren\u00e9"))
                .body("body", equalTo("Caf\u00e9 au lait"))
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("authorName", equalTo("Ren\u00e9"))
                .body("body", equalTo("Caf\u00e9 au lait"));
    }

    @Test
    void acceptsNewlinesAndTabsAndTheLongestAllowedTexts() {
        long article = publishedArticle();
        String name = "n".repeat(80);
        // 5001 as sent, 5000 as stored and counted: a CRLF is kept as one LF (docs/http-api.md §5).
        String body = "b".repeat(4993) + "\n\t\r\nend.";
        assertEquals(5001, body.length());
        given().contentType(ContentType.JSON).body(Map.of("authorName", name, "body", body))
                .post(commentsPath(article))
                .then().statusCode(201)
                .body("authorName", equalTo(name))
                .body("body", equalTo("b".repeat(4993) + "\n\t\nend."));
    }

    @Test
    void countsTheBodyLimitAfterTrimming() {
        // A body is 1-5000 characters after trimming (docs/http-api.md §5): 5000 and a trailing newline are fine,
        // and what is stored is what was counted.
        long article = publishedArticle();
        String body = "x".repeat(5000) + "\n";
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Trimmed", "body", body))
                .post(commentsPath(article))
                .then().statusCode(201).body("body", equalTo("x".repeat(5000)));
    }

    @Test

    void countsAuthorNameCharactersNotUtf16Units() {
        long article = publishedArticle();
        String name = "\uD83D\uDE00".repeat(80);
        given().contentType(ContentType.JSON).body(Map.of("authorName", name, "body", "Smiles"))
                .post(commentsPath(article))
                .then().statusCode(201).body("authorName", equalTo(name));
    }

    // ---- threads

    @Test
    void threadsRepliesUnderTheTopLevelComment() {
        long article = publishedArticle();
        long top = post(article, Map.of("authorName", "Top", "body", "Top-level"));
        ExtractableResponse<Response> reply = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Second", "body", "A reply", "parentId", top))
                .post(commentsPath(article))
                .then().statusCode(201)
                .body("parentId", equalTo((int) top))
                .body("rootId", equalTo((int) top))
                .body("articleId", equalTo((int) article))
                .body("replyCount", equalTo(0))
                .extract();
        long replyId = reply.jsonPath().getLong("id");
        assertEquals("/api/v1/comments/" + replyId,
                reply.header("Location").substring(reply.header("Location").indexOf("/api/")));
        long replyToReply = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Third", "body", "A reply to the reply", "parentId", replyId))
                .post(commentsPath(article))
                .then().statusCode(201)
                .body("parentId", equalTo((int) replyId))
                .body("rootId", equalTo((int) top))
                .extract().jsonPath().getLong("id");

        given().get("/api/v1/comments/{id}", top).then().statusCode(200)
                .body("replyCount", equalTo(2))
                .body("parentId", nullValue())
                .body("rootId", equalTo((int) top));
        given().get("/api/v1/comments/{id}/replies", top)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .header("Link", nullValue())
                .body("items.id", contains((int) replyId, (int) replyToReply))
                .body("items.parentId", contains((int) top, (int) replyId))
                .body("items.rootId", contains((int) top, (int) top))
                .body("items.body", contains("A reply", "A reply to the reply"))
                .body("nextCursor", nullValue());
        // Replies are not top-level comments.
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) top))
                .body("items[0].replyCount", equalTo(2));
        problem(given().get("/api/v1/comments/{id}/replies", replyId).then(), 404, "NOT_FOUND", "not-found",
                "Not found", "/api/v1/comments/" + replyId + "/replies")
                .body("detail", equalTo("This thread does not exist"));
    }

    @Test
    void refusesAParentFromAnotherArticleOrAnUnknownOne() {
        long article = publishedArticle();
        long other = publishedArticle();
        long foreign = post(other, Map.of("authorName", "Elsewhere", "body", "On another article"));
        for (long parent : new long[]{foreign, 999_999_999L}) {
            problem(given().contentType(ContentType.JSON)
                    .body(Map.of("authorName", "Replier", "body", "Which thread?", "parentId", parent))
                    .post(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                    commentsPath(article))
                    .body("detail", equalTo("1 field is invalid"))
                    .body("errors.field", contains("parentId"))
                    .body("errors.message", contains("must name a published comment of this article"));
        }
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Replier", "body", "Zero", "parentId", 0))
                .post(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                commentsPath(article))
                .body("errors.field", contains("parentId"));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        given().get("/api/v1/comments/{id}", foreign).then().statusCode(200).body("replyCount", equalTo(0));
    }

    // ---- lists

    @Test
    void listsOnlyTopLevelCommentsOldestFirstAndNewestOnRequest() {
        long article = publishedArticle();
        long first = post(article, Map.of("authorName", "A", "body", "one"));
        long second = post(article, Map.of("authorName", "B", "body", "two"));
        post(article, Map.of("authorName", "C", "body", "reply", "parentId", first));
        long third = post(article, Map.of("authorName", "D", "body", "three"));

        given().get(commentsPath(article))
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .header("Link", nullValue())
                .body("items.id", contains((int) first, (int) second, (int) third))
                .body("items.body", contains("one", "two", "three"))
                .body("items.replyCount", contains(1, 0, 0))
                .body("items.parentId", contains(null, null, null))
                .body("nextCursor", nullValue());
        given().queryParam("sort", "oldest").get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) first, (int) second, (int) third));
        given().queryParam("sort", "newest").get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) third, (int) second, (int) first));
    }

    @Test
    void walksFiveCommentsInPagesOfTwoEachOnceInOrder() {
        long article = publishedArticle();
        List<Integer> posted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            posted.add((int) post(article, Map.of("authorName", "Walker " + i, "body", "Comment " + i)));
        }
        assertEquals(posted, walk(article, "oldest"));
        List<Integer> reversed = new ArrayList<>(posted);
        Collections.reverse(reversed);
        assertEquals(reversed, walk(article, "newest"));
    }

    @Test
    void refusesBadListParameters() {
        long article = publishedArticle();
        String path = commentsPath(article);
        problem(given().queryParam("limit", 0).get(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("limit"))
                .body("errors.message", contains("must be a whole number from 1 to 100"));
        problem(given().queryParam("limit", 101).get(path).then(), "VALIDATION_FAILED", path)
                .body("errors.field", contains("limit"));
        problem(given().queryParam("limit", "ten").get(path).then(), "VALIDATION_FAILED", path)
                .body("errors.field", contains("limit"));
        problem(given().queryParam("sort", "random").get(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("sort"))
                .body("errors.message", contains("must be one of newest, oldest"));
        problem(given().queryParam("page", 2).get(path).then(), 400, "UNKNOWN_PARAMETER", "unknown-parameter",
                "Unknown parameter", path)
                .body("detail", equalTo("Unknown query parameter: page (this endpoint takes cursor, limit, sort)"))
                .body("$", not(hasKey("errors")));
        problem(given().queryParam("cursor", "tampered.value").get(path).then(), 400, "VALIDATION_FAILED",
                "validation", "Invalid request", path)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void refusesACursorMadeForAnotherSortOrder() {
        long article = publishedArticle();
        for (int i = 0; i < 3; i++) {
            post(article, Map.of("authorName", "Sorter", "body", "Comment " + i));
        }
        String newestCursor = given().queryParam("sort", "newest").queryParam("limit", 1).get(commentsPath(article))
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath().getString("nextCursor");
        assertNotNull(newestCursor);
        given().queryParam("sort", "newest").queryParam("limit", 1).queryParam("cursor", newestCursor)
                .get(commentsPath(article)).then().statusCode(200).body("items", hasSize(1));
        problem(given().queryParam("sort", "oldest").queryParam("limit", 1).queryParam("cursor", newestCursor)
                .get(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                commentsPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("cursor"))
                .body("errors.message", contains("is not a cursor this list gave out"));
    }

    // ---- validation

    @Test
    void refusesABlankAuthorName() {
        invalid(Map.of("authorName", "   ", "body", "Fine"), "authorName")
                .body("errors.message", contains("must not be blank"));
    }

    @Test
    void refusesAnAuthorNameOfEightyOneCharacters() {
        invalid(Map.of("authorName", "n".repeat(81), "body", "Fine"), "authorName")
                .body("errors[0].message", containsString("80"));
    }

    @Test
    void refusesABodyOverFiveThousandCharacters() {
        invalid(Map.of("authorName", "Long", "body", "b".repeat(5001)), "body")
                .body("errors[0].message", containsString("5000"));
    }

    @Test
    void refusesControlCharactersOtherThanNewlineAndTab() {
        invalid(Map.of("authorName", "Nul", "body", "before\u0000after"), "body")
                .body("errors.message", contains(CONTROL_MESSAGE));
        invalid(Map.of("authorName", "Bell", "body", "ding\u0007"), "body")
                .body("errors.message", contains(CONTROL_MESSAGE));
        invalid(Map.of("authorName", "Two\nlines", "body", "Fine"), "authorName");
        invalid(Map.of("authorName", "Bell\u0007", "body", "ding\u0007"), "authorName", "body");
    }

    @Test
    void refusesABadEmailAddress() {
        invalid(Map.of("authorName", "Mailer", "authorEmail", "not-an-address", "body", "Fine"), "authorEmail");
    }

    @Test
    void refusesAnEmptyObjectNamingBothRequiredFields() {
        long article = publishedArticle();
        problem(given().contentType(ContentType.JSON).body("{}").post(commentsPath(article)).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", commentsPath(article))
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors.field", contains("authorName", "body"))
                .body("errors.message", contains("must not be blank", "must not be blank"));
    }

    @Test
    void refusesAnEmptyRequestBody() {
        long article = publishedArticle();
        problem(given().contentType(ContentType.JSON).body("").post(commentsPath(article)).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", commentsPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("body"))
                .body("errors.message", contains("must not be null"));
    }

    @Test
    void refusesAnUnknownJsonFieldNamingIt() {
        long article = publishedArticle();
        problem(given().contentType(ContentType.JSON)
                .body("{\"authorName\":\"A\",\"body\":\"B\",\"website\":\"https://spam.example\"}")
                .post(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                commentsPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("website"))
                .body("errors.message", contains("is not a known field"));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void refusesMalformedJson() {
        long article = publishedArticle();
        problem(given().contentType(ContentType.JSON).body("{\"authorName\":\"A\",\"body\":")
                .post(commentsPath(article)).then(), 400, "MALFORMED_REQUEST", "malformed-request",
                "Malformed request", commentsPath(article))
                .body("detail", notNullValue())
                .body("$", not(hasKey("errors")));
    }

    // ---- visibility and closing

    @Test
    void answersNotFoundForCommentsOnADraftOrAnUnknownArticle() {
        long draft = Fixtures.draftArticle().jsonPath().getLong("id");
        Map<String, Object> comment = Map.of("authorName", "Early", "body", "First!");
        for (String path : List.of(commentsPath(draft), "/api/v1/articles/999999999/comments",
                "/api/v1/articles/no-such-article-here/comments")) {
            problem(given().contentType(ContentType.JSON).body(comment).post(path).then(), 404, "NOT_FOUND",
                    "not-found", "Not found", path)
                    .body("detail", equalTo("This article does not exist"));
            problem(given().get(path).then(), 404, "NOT_FOUND", "not-found", "Not found", path)
                    .body("detail", equalTo("This article does not exist"));
        }
    }

    @Test
    void refusesCommentsWhenTheArticleClosedThem() {
        long article = Fixtures.createArticle(published(Instant.now().minusSeconds(3600), false)).jsonPath()
                .getLong("id");
        problem(given().contentType(ContentType.JSON).body(Map.of("authorName", "Late", "body", "Hello?"))
                .post(commentsPath(article)).then(), 409, "COMMENTS_CLOSED", "comments-closed",
                "Comments are closed", commentsPath(article))
                .body("detail", equalTo("Comments on this article are closed"))
                .body("$", not(hasKey("errors")));
        // Reading what is there still works.
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void closesCommentsFourteenDaysAfterPublication() {
        long old = Fixtures.createArticle(published(Instant.now().minus(Duration.ofDays(15)), true)).jsonPath()
                .getLong("id");
        problem(given().contentType(ContentType.JSON).body(Map.of("authorName", "Late", "body", "Hello?"))
                .post(commentsPath(old)).then(), 409, "COMMENTS_CLOSED", "comments-closed", "Comments are closed",
                commentsPath(old))
                .body("detail", equalTo("Comments on this article are closed"));
        // Within the window the same kind of article still takes comments.
        long recent = Fixtures.createArticle(published(Instant.now().minus(Duration.ofDays(13)), true)).jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("authorName", "On time", "body", "Hello!"))
                .post(commentsPath(recent)).then().statusCode(201).body("status", equalTo("published"));
    }

    // ---- one comment

    @Test
    void readsOneCommentAndAnswersNotFoundForUnknownOrMalformedIds() {
        long article = publishedArticle();
        long id = post(article, Map.of("authorName", "Reader", "body", "Worth reading"));
        given().get("/api/v1/comments/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PUBLIC)
                .body("id", equalTo((int) id))
                .body("articleId", equalTo((int) article))
                .body("authorName", equalTo("Reader"))
                .body("body", equalTo("Worth reading"))
                .body("status", equalTo("published"))
                .body("createdAt", notNullValue())
                .body("replyCount", equalTo(0));
        for (String bad : List.of("999999999", "x", "0", "-1")) {
            problem(given().get("/api/v1/comments/" + bad).then(), 404, "NOT_FOUND", "not-found", "Not found",
                    "/api/v1/comments/" + bad)
                    .body("detail", equalTo("This comment does not exist"));
        }
    }

    @Test
    void answersOneCommentWithValidatorsAndNotModified() {
        // Every GET of a single comment carries a strong ETag and Last-Modified; If-None-Match gives 304
        // (docs/http-api.md §3).
        long article = publishedArticle();
        long id = post(article, Map.of("authorName", "Cached", "body", "Cache me"));
        String etag = given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/comments/{id}", id).then().statusCode(304);
    }

    // ---- helpers

    /** Posts an invalid comment to a fresh article; the problem names exactly {@code fields}, and nothing is stored. */
    private static ValidatableResponse invalid(Map<String, Object> body, String... fields) {
        long article = publishedArticle();
        ValidatableResponse answer = problem(given().contentType(ContentType.JSON).body(body)
                .post(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                commentsPath(article))
                .body("detail", equalTo(fields.length == 1
                        ? "1 field is invalid"
                        : fields.length + " fields are invalid"))
                .body("errors.field", contains((Object[]) fields));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        return answer;
    }

    private static List<Integer> walk(long article, String sort) {
        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "/api/v1/articles/" + article + "/comments?sort=" + sort + "&limit=2";
        while (next != null) {
            ExtractableResponse<Response> page = given().get(next).then().statusCode(200).extract();
            List<Integer> ids = page.jsonPath().getList("items.id");
            seen.addAll(ids);
            pageSizes.add(ids.size());
            String cursor = page.jsonPath().getString("nextCursor");
            String link = page.header("Link");
            if (cursor != null) {
                assertNotNull(link, "a Link header while there is a next page");
                assertThat(link, containsString("rel=\"next\""));
                assertThat(link, containsString("sort=" + sort));
                assertThat(link, containsString("limit=2"));
                assertThat(link, containsString("cursor=" + cursor));
                assertThat(link, startsWith("<"));
                // Follow the link itself, as a client would.
                next = link.substring(1, link.indexOf('>'));
            } else {
                assertNull(link, "no Link header on the last page");
                next = null;
            }
            assertTrue(pageSizes.size() <= 3, "the walk ends");
        }
        assertEquals(List.of(2, 2, 1), pageSizes);
        assertEquals(Set.copyOf(seen).size(), seen.size(), "each comment exactly once: " + seen);
        return seen;
    }

    private static void assertNoPrivateData(String json) {
        assertFalse(json.contains("authorEmail"), json);
        assertFalse(json.contains("reader@example.org"), json);
        assertFalse(json.contains("clientAddress"), json);
        assertFalse(json.contains("127.0.0.1"), json);
        assertFalse(json.contains("0:0:0:0:0:0:0:1"), json);
        assertFalse(json.contains("tokenHash"), json);
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("c")).jsonPath().getLong("id");
    }

    private static Map<String, Object> published(Instant publishedAt, boolean commentsOpen) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Comments story"));
        body.put("section", Fixtures.unique("c"));
        body.put("status", "published");
        body.put("publishedAt", publishedAt.toString());
        body.put("commentsOpen", commentsOpen);
        body.put("paragraphs", List.of(Map.of("type", "paragraph", "text", "Something to talk about.")));
        return body;
    }

    private static long post(long article, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(commentsPath(article))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String commentsPath(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
