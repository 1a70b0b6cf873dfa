package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ProblemAssertions;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Idempotency-Key on POST (docs/http-api.md §5): a retry replays the first answer and stores nothing new. */
@QuarkusTest
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- comments

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndStoresOneComment() throws Exception {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> comment = Map.of("authorName", "Flaky network", "body", "Did this go through?");
        ExtractableResponse<Response> first = postComment(article, key, comment).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        assertNotNull(first.header("Location"));
        assertNotNull(first.jsonPath().getString("token"));

        for (int retry = 0; retry < 2; retry++) {
            ExtractableResponse<Response> replay = postComment(article, key, comment).statusCode(201)
                    .contentType(ContentType.JSON)
                    .header("Idempotent-Replayed", "true")
                    .header("Cache-Control", "private, no-store")
                    .extract();
            assertEquals(first.header("Location"), replay.header("Location"));
            assertEquals(JSON.readTree(first.asString()), JSON.readTree(replay.asString()));
            assertEquals(first.jsonPath().getLong("id"), replay.jsonPath().getLong("id"));
            assertEquals(first.jsonPath().getString("token"), replay.jsonPath().getString("token"));
        }
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains(first.jsonPath().getInt("id")));
        // The replayed token is the real one: it edits the comment.
        given().header("Comment-Token", first.jsonPath().getString("token")).contentType(ContentType.JSON)
                .body(Map.of("body", "It did.")).patch("/api/v1/comments/{id}", first.jsonPath().getLong("id"))
                .then().statusCode(200);
    }

    @Test
    void theSameBodyInAnotherJsonLayoutIsStillTheSameRequest() throws Exception {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"authorName\":\"Layout\",\"body\":\"Same words\"}").post(commentsPath(article))
                .then().statusCode(201).extract();
        ExtractableResponse<Response> replay = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{ \"body\" : \"Same words\",\n  \"authorName\" : \"Layout\" }").post(commentsPath(article))
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(JSON.readTree(first.asString()), JSON.readTree(replay.asString()));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        long id = postComment(article, key, Map.of("authorName", "First", "body", "Original")).statusCode(201)
                .extract().jsonPath().getLong("id");
        for (Map<String, Object> other : List.of(Map.<String, Object>of("authorName", "First", "body", "Changed"),
                Map.<String, Object>of("authorName", "Second", "body", "Original"),
                Map.<String, Object>of("authorName", "First", "body", "Original", "parentId", id))) {
            problem(postComment(article, key, other), 422, "IDEMPOTENCY_KEY_REUSED", "idempotency-key-reused",
                    "Idempotency key reused", commentsPath(article))
                    .header("Idempotent-Replayed", nullValue())
                    .body("detail",
                            equalTo("This Idempotency-Key was used with a different request in the last 24 hours"))
                    .body("$", not(hasKey("errors")));
        }
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) id))
                .body("items[0].replyCount", equalTo(0));
    }

    @Test
    void aKeyThatIsTooShortTooLongOrHasASpaceIsRefused() {
        long article = publishedArticle();
        Map<String, Object> comment = Map.of("authorName", "Keyed", "body", "Bad keys");
        for (String key : List.of("x", "k".repeat(15), "k".repeat(300), "has a space in it", "tab\tkey-long-enough",
                "caf\u00e9-long-enough-key")) {
            problem(postComment(article, key, comment), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                    commentsPath(article))
                    .body("detail", equalTo("1 field is invalid"))
                    .body("errors.field", contains("Idempotency-Key"))
                    .body("errors.message", contains("must be 16 to 255 visible ASCII characters (a UUID, say)"));
        }
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        // The shortest and the longest allowed keys are fine.
        postComment(article, UUID.randomUUID().toString().substring(0, 16), comment).statusCode(201);
        postComment(article, "k".repeat(254) + UUID.randomUUID().toString().charAt(0),
                Map.of("authorName", "Keyed", "body", "Long key")).statusCode(201);
    }

    @Test
    void aReplayFromAnotherClientIsA422WithoutTheToken() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        String json = "{\"authorName\":\"Owner\",\"body\":\"Mine alone\"}";
        RawHttp.Response first = RawHttp.postJson("127.0.0.1", RestAssured.port, commentsPath(article),
                Map.of("Idempotency-Key", key), json);
        assertEquals(201, first.status(), first.bodyText());
        String token = JsonPath.from(first.bodyText()).getString("token");

        // Same key, same body, another client: refused, and nothing of the first answer in the refusal.
        RawHttp.Response other = RawHttp.postJson("127.0.0.2", RestAssured.port, commentsPath(article),
                Map.of("Idempotency-Key", key), json);
        JsonPath problem = ProblemAssertions.problem(other, "IDEMPOTENCY_KEY_REUSED", commentsPath(article));
        assertEquals("This Idempotency-Key was used with a different request in the last 24 hours",
                problem.getString("detail"));
        assertFalse(other.bodyText().contains(token));
        assertEquals(null, other.header("Idempotent-Replayed"));

        // The owner still gets the replay; and the other client's valid request was rolled back: one comment.
        RawHttp.Response again = RawHttp.postJson("127.0.0.1", RestAssured.port, commentsPath(article),
                Map.of("Idempotency-Key", key), json);
        assertEquals(201, again.status(), again.bodyText());
        assertEquals(token, JsonPath.from(again.bodyText()).getString("token"));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aKnownKeyCannotBeProbedWithABadRequest() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        postComment(article, key, Map.of("authorName", "Known", "body", "First")).statusCode(201);
        Map<String, Object> badReply = Map.of("authorName", "Prober", "body", "Probe", "parentId", 999_999_999L);
        // The same answer for a known and an unknown key: the request is checked before the key is looked up.
        for (String probed : List.of(key, UUID.randomUUID().toString())) {
            problem(postComment(article, probed, badReply), 400, "VALIDATION_FAILED", "validation",
                    "Invalid request", commentsPath(article))
                    .body("errors.field", contains("parentId"));
        }
        long closed = article(false);
        problem(postComment(closed, key, Map.of("authorName", "Known", "body", "First")), 409, "COMMENTS_CLOSED",
                "comments-closed", "Comments are closed", commentsPath(closed));
    }

    @Test
    void theSameKeyOnAnotherArticleIsIndependent() {
        long one = publishedArticle();
        long two = publishedArticle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> comment = Map.of("authorName", "Twice", "body", "Same words, two articles");
        long first = postComment(one, key, comment).statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().jsonPath().getLong("id");
        long second = postComment(two, key, comment).statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("articleId", equalTo((int) two)).extract().jsonPath().getLong("id");
        assertNotEquals(first, second);
        given().get(commentsPath(one)).then().statusCode(200).body("items.id", contains((int) first));
        given().get(commentsPath(two)).then().statusCode(200).body("items.id", contains((int) second));
    }

    @Test
    void withoutAKeyEveryPostIsANewComment() {
        long article = publishedArticle();
        Map<String, Object> comment = Map.of("authorName", "Keyless", "body", "Again");
        given().contentType(ContentType.JSON).body(comment).post(commentsPath(article)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        given().contentType(ContentType.JSON).body(comment).post(commentsPath(article)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aFailedValidationStoresNothingForTheKey() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        problem(postComment(article, key, Map.of("authorName", "Oops", "body", "   ")), 400, "VALIDATION_FAILED",
                "validation", "Invalid request", commentsPath(article))
                .body("errors.field", contains("body"));
        postComment(article, key, Map.of("authorName", "Oops", "body", "Fixed it")).statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("body", equalTo("Fixed it"));
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aRefusedPostOnClosedCommentsStoresNothingForTheKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> comment = Map.of("authorName", "Persistent", "body", "Let me in");
        long closed = article(false);
        problem(postComment(closed, key, comment), 409, "COMMENTS_CLOSED", "comments-closed", "Comments are closed",
                commentsPath(closed));
        // The retry of the very same request is answered afresh, not with a stored 409.
        problem(postComment(closed, key, comment), 409, "COMMENTS_CLOSED", "comments-closed", "Comments are closed",
                commentsPath(closed))
                .header("Idempotent-Replayed", nullValue());
        given().get(commentsPath(closed)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRefusedReplyStoresNothingAndTheFixedRetryGetsAFresh201() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        problem(postComment(article, key, Map.of("authorName", "Lost", "body", "Reply", "parentId", 999_999_999L)),
                400, "VALIDATION_FAILED", "validation", "Invalid request", commentsPath(article))
                .body("errors.field", contains("parentId"));
        postComment(article, key, Map.of("authorName", "Lost", "body", "Reply")).statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aReplayIsTheFirstAnswerEvenAfterTheCommentChanged() throws Exception {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> comment = Map.of("authorName", "Changer", "body", "As first posted");
        ExtractableResponse<Response> first = postComment(article, key, comment).statusCode(201).extract();
        given().header("Comment-Token", first.jsonPath().getString("token")).contentType(ContentType.JSON)
                .body(Map.of("body", "Edited since")).patch("/api/v1/comments/{id}", first.jsonPath().getLong("id"))
                .then().statusCode(200);
        ExtractableResponse<Response> replay = postComment(article, key, comment).statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(JSON.readTree(first.asString()), JSON.readTree(replay.asString()));
        given().get(commentsPath(article)).then().statusCode(200).body("items.body", contains("Edited since"));
    }

    // ---- reports

    @Test
    void aRetriedReportReplaysTheAcceptedAnswer() {
        long article = publishedArticle();
        long id = postComment(article, null, Map.of("authorName", "Reported", "body", "Report me once"))
                .statusCode(201).extract().jsonPath().getLong("id");
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/comments/" + id + "/reports";
        Map<String, Object> report = Map.of("reason", "spam", "detail", "Selling things");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(report).post(path).then()
                .statusCode(202).header("Idempotent-Replayed", nullValue()).body("status", equalTo("received"));
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(report).post(path).then()
                .statusCode(202).contentType(ContentType.JSON)
                .header("Idempotent-Replayed", "true")
                .header("Location", nullValue())
                .body("status", equalTo("received"));
        problem(given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("reason", "abuse")).post(path).then(), 422, "IDEMPOTENCY_KEY_REUSED",
                "idempotency-key-reused", "Idempotency key reused", path);
        problem(given().header("Idempotency-Key", "bad key").contentType(ContentType.JSON).body(report).post(path)
                .then(), 400, "VALIDATION_FAILED", "validation", "Invalid request", path)
                .body("errors.field", contains("Idempotency-Key"));
    }

    // ---- articles

    @Test
    void aRetriedArticleCreationReplaysTheSameArticle() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> article = Map.of("headline", Fixtures.unique("Idempotent story"),
                "paragraphs", List.of(Map.of("type", "paragraph", "text", "Once only.")));
        ExtractableResponse<Response> first = postArticle(key, article).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        ExtractableResponse<Response> replay = postArticle(key, article).statusCode(201)
                .contentType(ContentType.JSON)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.jsonPath().getLong("id"), replay.jsonPath().getLong("id"));
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(JSON.readTree(first.asString()), JSON.readTree(replay.asString()));
        given().auth().oauth2(TestTokens.editor()).get(first.header("Location")).then().statusCode(200)
                .body("headline", equalTo(article.get("headline")));

        Map<String, Object> changed = new HashMap<>(article);
        changed.put("headline", Fixtures.unique("Another story"));
        problem(postArticle(key, changed), 422, "IDEMPOTENCY_KEY_REUSED", "idempotency-key-reused",
                "Idempotency key reused", "/api/v1/articles");
    }

    @Test
    void aFailedArticleCreationStoresNothingForTheKey() {
        String key = UUID.randomUUID().toString();
        problem(postArticle(key, Map.of("headline", "   ")), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", "/api/v1/articles")
                .body("errors.field", contains("headline"));
        postArticle(key, Map.of("headline", Fixtures.unique("Fixed headline"))).statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anIdempotencyKeyDoesNotLetAnAnonymousCallerReplayAnEditorsArticle() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> article = Map.of("headline", Fixtures.unique("Editors only"));
        postArticle(key, article).statusCode(201);
        problem(given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article)
                .post("/api/v1/articles").then(), 401, "UNAUTHENTICATED", "unauthenticated",
                "Authentication required", "/api/v1/articles");
    }

    // ---- helpers

    private static ValidatableResponse postComment(long article, String key, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(commentsPath(article)).then();
    }

    private static ValidatableResponse postArticle(String key, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.editor()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/articles").then();
    }

    private static long article(boolean commentsOpen) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Closed story"));
        body.put("section", Fixtures.unique("idem"));
        body.put("status", "published");
        body.put("publishedAt", Instant.now().minusSeconds(3600).toString());
        body.put("commentsOpen", commentsOpen);
        return Fixtures.createArticle(body).jsonPath().getLong("id");
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("idem")).jsonPath().getLong("id");
    }

    private static String commentsPath(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
