package org.newsroom.content.comment.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ModerationQueue.findInQueue;
import static org.newsroom.content.support.ModerationQueue.queueIds;
import static org.newsroom.content.support.ModerationQueue.queuePages;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newsroom.content.comment.ModerationDecision;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationAudit;
import org.newsroom.content.support.ModerationQueue;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Holds (in the test profile: more than 2 links, the banned words {@code badword} and {@code Schlimm}), readers'
 * reports, the moderators' queue and their audited decisions.
 */
@QuarkusTest
class ModerationTest {

    private static final String PRIVATE = "private, no-store";
    private static final String QUEUE = "/api/v1/moderation/comments";

    // ---- holds

    @Test
    void moreThanTwoLinksHoldTheComment() {
        long article = publishedArticle();
        Created three = post(article, "Linker", "http://a.example https://b.example www.c.example");
        assertEquals("pending", three.json().getString("status"));
        Created two = post(article, "Two links", "http://a.example and https://b.example are fine");
        assertEquals("published", two.json().getString("status"));
        Created wwwOnly = post(article, "Www", "www.a.example www.b.example www.c.example");
        assertEquals("pending", wwwOnly.json().getString("status"));

        given().get(commentsPath(article)).then().statusCode(200).body("items.id", contains((int) two.id()));
        Map<String, Object> queued = findInQueue("pending", three.id());
        assertEquals("links", queued.get("heldReason"));
        assertEquals(0, queued.get("reportCount"));
        assertEquals("links", findInQueue("pending", wwwOnly.id()).get("heldReason"));
    }

    @Test
    void aBannedWordHoldsTheCommentAsAWholeWordInAnyCase() {
        long article = publishedArticle();
        for (String body : List.of("This is BADWORD territory", "Das ist schlimm.", "badword", "(Badword)",
                "Schlimm!\nreally")) {
            Created held = post(article, "Swearer", body);
            assertEquals("pending", held.json().getString("status"), body);
            assertEquals("banned-word", findInQueue("pending", held.id()).get("heldReason"), body);
        }
        List<Integer> published = new ArrayList<>();
        for (String body : List.of("Those badwords are fine", "notbadword either", "badword_x", "schlimmer noch",
                "bad word")) {
            Created fine = post(article, "Careful", body);
            assertEquals("published", fine.json().getString("status"), body);
            published.add((int) fine.id());
        }
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains(published.toArray()));
    }

    @Test
    void aHeldReplyDoesNotAppearNorCountInTheThread() {
        long article = publishedArticle();
        long root = post(article, "Root", "A thread").id();
        long shown = reply(article, root, "Fine", "A polite reply").id();
        Created held = reply(article, root, "Rude", "A BADWORD reply");
        assertEquals("pending", held.json().getString("status"));
        assertEquals(0, held.json().getInt("replyCount"));

        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(1));
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200)
                .body("items.id", contains((int) shown));
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) root))
                .body("items[0].replyCount", equalTo(1));
        notFound(given().get("/api/v1/comments/{id}", held.id()).then(), "/api/v1/comments/" + held.id());
    }

    // ---- reports

    @Test
    void aReportIsReceived() {
        long article = publishedArticle();
        long id = post(article, "Reported", "Report me").id();
        given().contentType(ContentType.JSON).body(Map.of("reason", "off-topic", "detail", "About the weather"))
                .post(reportsPath(id))
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("received"))
                .body("$", not(hasKey("id")));
        given().contentType(ContentType.JSON).body(Map.of("reason", "other")).post(reportsPath(id))
                .then().statusCode(202).body("status", equalTo("received"));
        // One report from one reader keeps it up, and queues it for a look.
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        Map<String, Object> reported = findInQueue("reported", id);
        assertEquals("published", reported.get("status"));
        assertEquals(1, reported.get("reportCount"));
        assertNull(reported.get("heldReason"));
    }

    @Test
    void aReportWithAnUnknownOrMissingReasonIsRefused() {
        long article = publishedArticle();
        long id = post(article, "Reported", "Report me badly").id();
        for (Map<String, Object> body : List.of(Map.<String, Object>of("reason", "boring"),
                Map.<String, Object>of("reason", "SPAM"), Map.<String, Object>of("detail", "no reason given"))) {
            problem(given().contentType(ContentType.JSON).body(body).post(reportsPath(id)).then(), 400,
                    "VALIDATION_FAILED", "validation", "Invalid request", reportsPath(id))
                    .body("detail", equalTo("1 field is invalid"))
                    .body("errors.field", contains("reason"));
        }
        problem(given().contentType(ContentType.JSON).body(Map.of("reason", "boring")).post(reportsPath(id)).then(),
                400, "VALIDATION_FAILED", "validation", "Invalid request", reportsPath(id))
                .body("errors.message", contains("must be one of spam, abuse, off-topic, other"));
        problem(given().contentType(ContentType.JSON).body(Map.of("reason", "abuse", "detail", "x\u0000y"))
                .post(reportsPath(id)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                reportsPath(id))
                .body("errors.field", contains("detail"));
        assertFalse(queueIds("reported").contains((int) id), "no report was filed");
    }

    @Test
    void reportingAnUnknownOrAPendingCommentIsNotFound() {
        long article = publishedArticle();
        Created held = post(article, "Held", "Contains badword");
        for (long id : new long[]{999_999_999L, held.id()}) {
            notFound(given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post(reportsPath(id))
                    .then(), reportsPath(id));
        }
    }

    @Test
    void threeReportsFromDifferentClientsHoldAPublishedComment() {
        long article = publishedArticle();
        long root = post(article, "Root", "A thread").id();
        long reported = reply(article, root, "Target", "Something contested").id();
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(1));

        for (String from : List.of("127.0.0.2", "127.0.0.3")) {
            RawHttp.Response answer = rawReport(from, reported, Map.of());
            assertEquals(202, answer.status(), answer.bodyText());
            assertEquals("received", JsonPath.from(answer.bodyText()).getString("status"));
        }
        // Two readers are not enough.
        given().get("/api/v1/comments/{id}", reported).then().statusCode(200).body("status", equalTo("published"));
        assertEquals(2, findInQueue("reported", reported).get("reportCount"));

        assertEquals(202, rawReport("127.0.0.4", reported, Map.of()).status());
        notFound(given().get("/api/v1/comments/{id}", reported).then(), "/api/v1/comments/" + reported);
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(0));
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200).body("items", hasSize(0));
        Map<String, Object> held = findInQueue("pending", reported);
        assertEquals("pending", held.get("status"));
        assertEquals("reports", held.get("heldReason"));
        assertEquals(3, held.get("reportCount"));
        assertEquals(3, findInQueue("reported", reported).get("reportCount"));
    }

    @Test
    void theSameClientReportingThriceCountsOnce() {
        long article = publishedArticle();
        long id = post(article, "Target", "Reported again and again").id();
        for (String reason : List.of("spam", "abuse", "other")) {
            given().contentType(ContentType.JSON).body(Map.of("reason", reason)).post(reportsPath(id)).then()
                    .statusCode(202).body("status", equalTo("received"));
        }
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        assertEquals(1, findInQueue("reported", id).get("reportCount"));
    }

    @Test
    void aForgedXForwardedForDoesNotMakeAnotherClient() {
        long article = publishedArticle();
        long id = post(article, "Target", "Forwarded thrice").id();
        for (String forged : List.of("203.0.113.1", "203.0.113.2", "198.51.100.7, 203.0.113.3")) {
            RawHttp.Response answer = rawReport("127.0.0.1", id, Map.of("X-Forwarded-For", forged,
                    "Forwarded", "for=" + forged.split(",")[0].trim(), "X-Real-IP", forged.split(",")[0].trim()));
            assertEquals(202, answer.status(), answer.bodyText());
        }
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        assertEquals(1, findInQueue("reported", id).get("reportCount"));
    }

    @Test
    void reportsOnAHeldCommentStopAtNotFound() {
        long article = publishedArticle();
        long id = post(article, "Target", "Held by reports").id();
        for (String from : List.of("127.0.0.5", "127.0.0.6", "127.0.0.7")) {
            assertEquals(202, rawReport(from, id, Map.of()).status());
        }
        problem(rawReport("127.0.0.8", id, Map.of()), "NOT_FOUND", reportsPath(id));
        assertEquals(3, findInQueue("pending", id).get("reportCount"));
    }

    // ---- the queue

    @Test
    void theQueueIsForModeratorsOnly() {
        problem(given().get(QUEUE).then(), 401, "UNAUTHENTICATED", "unauthenticated", "Authentication required",
                QUEUE)
                .header("WWW-Authenticate", containsString("Bearer"));
        problem(given().auth().oauth2(TestTokens.forged()).get(QUEUE).then(), 401, "UNAUTHENTICATED",
                "unauthenticated", "Authentication required", QUEUE);
        problem(given().auth().oauth2(TestTokens.editor()).get(QUEUE).then(), 403, "FORBIDDEN", "forbidden",
                "Forbidden", QUEUE)
                .body("detail", equalTo("Your role does not allow this"));
        problem(given().auth().oauth2(TestTokens.editor()).queryParam("status", "reported").get(QUEUE).then(), 403,
                "FORBIDDEN", "forbidden", "Forbidden", QUEUE);
        given().auth().oauth2(TestTokens.moderator()).get(QUEUE).then().statusCode(200)
                .header("Cache-Control", PRIVATE).body("items", notNullValue());
    }

    @Test
    void theQueueDefaultsToPendingAndShowsWhyEachIsHeld() {
        long article = publishedArticle();
        Created held = post(article, "Queued", "Schlimm, this one");
        Created shown = post(article, "Shown", "Nothing wrong here");
        List<Integer> defaultQueue = queueIds(null);
        assertTrue(defaultQueue.contains((int) held.id()));
        assertFalse(defaultQueue.contains((int) shown.id()));
        Map<String, Object> item = findInQueue("pending", held.id());
        assertEquals(Set.of("id", "articleId", "parentId", "rootId", "authorName", "body", "status", "createdAt",
                "editedAt", "replyCount", "heldReason", "reportCount", "etag"), item.keySet());
        // The version a decision names: the ETag the author sees with the token.
        assertEquals(given().header("Comment-Token", held.token()).get("/api/v1/comments/{id}", held.id()).then()
                .statusCode(200).extract().header("ETag"), item.get("etag"));
        assertEquals((int) article, item.get("articleId"));
        assertEquals("Queued", item.get("authorName"));
        assertEquals("Schlimm, this one", item.get("body"));
        assertEquals("pending", item.get("status"));
        assertEquals("banned-word", item.get("heldReason"));
    }

    @Test
    void theQueueNeverShowsAnEmailOrAClientAddress() {
        long article = publishedArticle();
        String email = Fixtures.unique("secret") + "@example.org";
        Created held = post(article, Map.of("authorName", "Private", "authorEmail", email,
                "body", "www.a.example www.b.example www.c.example"));
        Created reported = post(article, Map.of("authorName", "Private too", "authorEmail", email,
                "body", "Reported, with an address"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post(reportsPath(reported.id())).then()
                .statusCode(202);
        for (String status : List.of("pending", "reported")) {
            List<String> pages = queuePages(status);
            long mine = held.id();
            assertTrue(queueIds(status).contains((int) (status.equals("pending") ? mine : reported.id())));
            for (String page : pages) {
                assertFalse(page.contains(email), page);
                assertFalse(page.contains("authorEmail"), page);
                assertFalse(page.contains("clientAddress"), page);
                assertFalse(page.contains("127.0.0.1"), page);
                assertFalse(page.contains("tokenHash"), page);
            }
        }
    }

    @Test
    void theQueueIsCursorPagedOldestFirst() {
        long article = publishedArticle();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add((int) post(article, "Pager " + i, "badword number " + i).id());
        }
        ExtractableResponse<Response> first = given().auth().oauth2(TestTokens.moderator())
                .queryParam("status", "pending").queryParam("limit", 1).get(QUEUE)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue()).extract();
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link.contains("rel=\"next\""), link);
        assertTrue(link.contains("cursor=" + first.jsonPath().getString("nextCursor")), link);
        assertTrue(link.contains("status=pending"), link);
        assertTrue(link.contains("limit=1"), link);

        List<Integer> all = queueIds("pending");
        assertEquals(new HashSet<>(all).size(), all.size(), "each held comment once");
        List<Integer> seenOfMine = all.stream().filter(mine::contains).toList();
        assertEquals(mine, seenOfMine, "oldest first");
    }

    @Test
    void theQueueRefusesBadParameters() {
        problem(given().auth().oauth2(TestTokens.moderator()).queryParam("status", "published").get(QUEUE).then(),
                400, "VALIDATION_FAILED", "validation", "Invalid request", QUEUE)
                .body("errors.field", contains("status"));
        problem(given().auth().oauth2(TestTokens.moderator()).queryParam("limit", 101).get(QUEUE).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", QUEUE)
                .body("errors.field", contains("limit"));
        problem(given().auth().oauth2(TestTokens.moderator()).queryParam("cursor", "forged.cursor").get(QUEUE)
                .then(), 400, "VALIDATION_FAILED", "validation", "Invalid request", QUEUE)
                .body("errors.field", contains("cursor"));
        problem(given().auth().oauth2(TestTokens.moderator()).queryParam("sort", "newest").get(QUEUE).then(), 400,
                "UNKNOWN_PARAMETER", "unknown-parameter", "Unknown parameter", QUEUE);
    }

    // ---- decisions

    @Test
    void approvingAHeldReplyPublishesItAndTheThreadCountsIt() {
        long article = publishedArticle();
        long root = post(article, "Root", "Thread").id();
        Created held = reply(article, root, "Linker", "http://a.example http://b.example http://c.example");
        assertEquals("pending", held.json().getString("status"));
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(0));

        decide(held.id(), "approve", "Links are fine: a reading list").statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", PRIVATE)
                .body("id", equalTo((int) held.id()))
                .body("status", equalTo("published"))
                .body("heldReason", nullValue())
                .body("body", equalTo("http://a.example http://b.example http://c.example"));
        given().get("/api/v1/comments/{id}", held.id()).then().statusCode(200).body("status", equalTo("published"));
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(1));
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200)
                .body("items.id", contains((int) held.id()));
        assertFalse(queueIds("pending").contains((int) held.id()));

        ModerationDecision decision = onlyDecision(held.id());
        assertEquals("test-user", decision.moderator);
        assertEquals("approve", decision.action);
        assertEquals("Links are fine: a reading list", decision.reason);
        assertEquals("pending", decision.previousStatus);
        assertEquals("published", decision.newStatus);
        assertRecent(decision.decidedAt);
    }

    @Test
    void approvingAHeldTopLevelCommentPutsItInThePublicList() {
        long article = publishedArticle();
        Created held = post(article, "Held", "Schlimm but fair");
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        decide(held.id(), "approve", null).statusCode(200).body("status", equalTo("published"));
        given().get(commentsPath(article)).then().statusCode(200).body("items.id", contains((int) held.id()));
        ModerationDecision decision = onlyDecision(held.id());
        assertNull(decision.reason);
        assertEquals("approve", decision.action);
    }

    @Test
    void rejectingAPublishedCommentHidesItFromReadersButNotFromItsAuthor() {
        long article = publishedArticle();
        long root = post(article, "Root", "Thread").id();
        Created target = reply(article, root, "Rejected", "Off the rails");
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(1));

        decide(target.id(), "reject", "Personal attack").statusCode(200).body("status", equalTo("rejected"));
        notFound(given().get("/api/v1/comments/{id}", target.id()).then(), "/api/v1/comments/" + target.id());
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(0));
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200).body("items", hasSize(0));
        given().header("Comment-Token", target.token()).get("/api/v1/comments/{id}", target.id()).then()
                .statusCode(200).header("Cache-Control", PRIVATE).body("status", equalTo("rejected"));
        assertTrue(queueIds("rejected").contains((int) target.id()));
        // Nor can the author edit it back into view.
        problem(given().header("Comment-Token", target.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Nicer")).patch("/api/v1/comments/{id}", target.id()).then(), "CONFLICT",
                "/api/v1/comments/" + target.id());

        ModerationDecision decision = onlyDecision(target.id());
        assertEquals("reject", decision.action);
        assertEquals("Personal attack", decision.reason);
        assertEquals("published", decision.previousStatus);
        assertEquals("rejected", decision.newStatus);
        assertEquals("test-user", decision.moderator);
    }

    @Test
    void markingACommentAsSpamHidesItAndQueuesItUnderSpam() {
        long article = publishedArticle();
        Created target = post(article, "Seller", "Cheap watches");
        decide(target.id(), "spam", "Advertising").statusCode(200).body("status", equalTo("spam"));
        notFound(given().get("/api/v1/comments/{id}", target.id()).then(), "/api/v1/comments/" + target.id());
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        assertTrue(queueIds("spam").contains((int) target.id()));
        notFound(given().contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post(reportsPath(target.id())).then(), reportsPath(target.id()));

        ModerationDecision decision = onlyDecision(target.id());
        assertEquals("spam", decision.action);
        assertEquals("Advertising", decision.reason);
        assertEquals("published", decision.previousStatus);
        assertEquals("spam", decision.newStatus);
    }

    @Test
    void approvingACommentHeldByReportsPublishesItAgain() {
        long article = publishedArticle();
        long id = post(article, "Target", "Contested but fine").id();
        for (String from : List.of("127.0.0.9", "127.0.0.10", "127.0.0.11")) {
            assertEquals(202, rawReport(from, id, Map.of()).status());
        }
        decide(id, "approve", "Within the rules").statusCode(200)
                .body("status", equalTo("published"))
                .body("heldReason", nullValue())
                .body("reportCount", equalTo(0));
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        // The reports were weighed: one more does not hold it again at once.
        assertEquals(202, rawReport("127.0.0.12", id, Map.of()).status());
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        ModerationDecision decision = onlyDecision(id);
        assertEquals("pending", decision.previousStatus);
        assertEquals("published", decision.newStatus);
    }

    @Test
    void reportsAloneNeverHoldAnApprovedCommentAgainUntilItsAuthorEditsIt() {
        long article = publishedArticle();
        Created target = post(article, "Target", "Contested, then approved");
        long id = target.id();
        for (String from : List.of("127.0.1.1", "127.0.1.2", "127.0.1.3")) {
            assertEquals(202, rawReport(from, id, Map.of()).status());
        }
        assertEquals("reports", findInQueue("pending", id).get("heldReason"));
        decide(id, "approve", "Within the rules").statusCode(200).body("status", equalTo("published"));

        // Three new readers, or thirty: the comment stays up, and waits in the reported queue for another look.
        for (String from : List.of("127.0.1.4", "127.0.1.5", "127.0.1.6", "127.0.1.7")) {
            assertEquals(202, rawReport(from, id, Map.of()).status());
        }
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        Map<String, Object> reported = findInQueue("reported", id);
        assertEquals("published", reported.get("status"));
        assertEquals(4, reported.get("reportCount"));
        assertFalse(queueIds("pending").contains((int) id));

        // Its author changes the words the moderator approved: the next report counts towards a hold again.
        given().header("Comment-Token", target.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Contested, approved, then rewritten")).patch("/api/v1/comments/{id}", id)
                .then().statusCode(200).body("status", equalTo("published"));
        assertEquals(202, rawReport("127.0.1.8", id, Map.of()).status());
        notFound(given().get("/api/v1/comments/{id}", id).then(), "/api/v1/comments/" + id);
        Map<String, Object> held = findInQueue("pending", id);
        assertEquals("reports", held.get("heldReason"));
        assertEquals(5, held.get("reportCount"));
    }

    @Test
    void aDecisionNamesTheVersionOfTheCommentItDecidedOn() {
        long article = publishedArticle();
        Created held = post(article, "Held", "A badword, then reworded");
        String path = decisionPath(held.id());
        String seen = (String) findInQueue("pending", held.id()).get("etag");

        // No version: refused, nothing decided.
        problem(given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "approve")).post(path).then(), 428, "PRECONDITION_REQUIRED",
                "precondition-required", "Precondition required", path);
        // The author rewrites it while the moderator reads: the decision was on words that are gone.
        given().header("Comment-Token", held.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Another badword, and a link http://spam.example"))
                .patch("/api/v1/comments/{id}", held.id()).then().statusCode(200).body("status", equalTo("pending"));
        String current = (String) findInQueue("pending", held.id()).get("etag");
        problem(decide(held.id(), seen, "approve", "read the old words"), 412, "PRECONDITION_FAILED",
                "precondition-failed", "Precondition failed", path)
                .body("detail", equalTo("The resource has changed since you read it: its current ETag is " + current));
        assertEquals(List.of(), ModerationAudit.of(held.id()));
        assertTrue(queueIds("pending").contains((int) held.id()), "still held");

        // On the words as they are now: decided, and the answer carries the comment's new version.
        ExtractableResponse<Response> decided = decide(held.id(), current, "reject", "read the new words")
                .statusCode(200).body("status", equalTo("rejected")).extract();
        assertEquals(decided.header("ETag"), decided.jsonPath().getString("etag"));
        assertTrue(!current.equals(decided.header("ETag")), "a new version");
        assertEquals("read the new words", onlyDecision(held.id()).reason);
        // A second decision on the version the first one answered is fine.
        decide(held.id(), decided.header("ETag"), "spam", "worse than rude").statusCode(200)
                .body("status", equalTo("spam"));
    }

    @Test
    void aHeldCommentItsAuthorDeletesLeavesNoTombstoneReadersNeverSaw() {
        long article = publishedArticle();
        long root = post(article, "Root", "A thread").id();
        Created heldReply = reply(article, root, "Rude", "A badword reply, deleted before review");
        Created heldTopLevel = post(article, "Rude too", "Schlimm, deleted before review");
        Created rejected = post(article, "Rejected", "Held for a badword, rejected, then deleted");
        decide(rejected.id(), "reject", "No").statusCode(200);
        Created seen = reply(article, root, "Seen", "Seen, then held by reports, then deleted");
        for (String from : List.of("127.0.2.1", "127.0.2.2", "127.0.2.3")) {
            assertEquals(202, rawReport(from, seen.id(), Map.of()).status());
        }
        for (Created gone : List.of(heldReply, heldTopLevel, rejected, seen)) {
            given().header("Comment-Token", gone.token()).delete("/api/v1/comments/{id}", gone.id()).then()
                    .statusCode(204);
        }

        // Readers never saw the held and the rejected ones: no tombstone of them anywhere.
        for (Created gone : List.of(heldReply, heldTopLevel, rejected)) {
            notFound(given().get("/api/v1/comments/{id}", gone.id()).then(), "/api/v1/comments/" + gone.id());
            notFound(given().contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                    .post(reportsPath(gone.id())).then(), reportsPath(gone.id()));
            // Its author still sees what became of it.
            given().header("Comment-Token", gone.token()).get("/api/v1/comments/{id}", gone.id()).then()
                    .statusCode(200).body("status", equalTo("deleted"));
        }
        given().get(commentsPath(article)).then().statusCode(200).body("items.id", contains((int) root))
                .body("items[0].replyCount", equalTo(0));
        // Readers saw this one before reports held it: its tombstone keeps its place in the thread.
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200)
                .body("items.id", contains((int) seen.id())).body("items[0].status", equalTo("deleted"));
        given().get("/api/v1/comments/{id}", seen.id()).then().statusCode(200).body("status", equalTo("deleted"));
    }

    @Test
    void everyDecisionIsItsOwnAuditRowInOrder() {
        long article = publishedArticle();
        long id = post(article, "Flip", "Decided three times").id();
        decide(id, "reject", "first look").statusCode(200);
        decide(id, "approve", "second look").statusCode(200);
        decide(id, "spam", "third look").statusCode(200);
        given().auth().oauth2(TestTokens.moderator()).delete("/api/v1/comments/{id}", id).then().statusCode(204);
        List<ModerationDecision> audit = ModerationAudit.of(id);
        assertEquals(List.of("reject", "approve", "spam", "delete"), audit.stream().map(d -> d.action).toList());
        assertEquals(List.of("first look", "second look", "third look"),
                audit.stream().limit(3).map(d -> d.reason).toList());
        assertEquals(List.of("published", "rejected", "published", "spam"),
                audit.stream().map(d -> d.previousStatus).toList());
        assertEquals(List.of("rejected", "published", "spam", "deleted"),
                audit.stream().map(d -> d.newStatus).toList());
        for (ModerationDecision decision : audit) {
            assertEquals("test-user", decision.moderator);
            assertRecent(decision.decidedAt);
        }
    }

    @Test
    void aDecisionWithABadActionIsRefusedAndAuditsNothing() {
        long article = publishedArticle();
        long id = post(article, "Held", "badword").id();
        String path = decisionPath(id);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("action", "delete"),
                Map.<String, Object>of("action", "APPROVE"), Map.<String, Object>of("reason", "no action"))) {
            problem(given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON).body(body)
                    .post(path).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request", path)
                    .body("detail", equalTo("1 field is invalid"))
                    .body("errors.field", contains("action"));
        }
        assertEquals(List.of(), ModerationAudit.of(id));
        assertTrue(queueIds("pending").contains((int) id));
    }

    @Test
    void aDecisionOnAnUnknownCommentIsNotFound() {
        String path = decisionPath(999_999_999L);
        notFound(decide(999_999_999L, "approve", "ghost"), path);
        notFound(given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "approve")).post("/api/v1/moderation/comments/nope/decision").then(),
                "/api/v1/moderation/comments/nope/decision");
    }

    @Test
    void aDecisionOnADeletedCommentIsAConflict() {
        long article = publishedArticle();
        Created gone = post(article, "Gone", "Deleted before review");
        given().header("Comment-Token", gone.token()).delete("/api/v1/comments/{id}", gone.id()).then()
                .statusCode(204);
        problem(decide(gone.id(), "approve", "too late"), 409, "CONFLICT", "conflict", "Conflict",
                decisionPath(gone.id()))
                .body("detail", equalTo("A deleted comment has nothing left to decide on"));
        given().get("/api/v1/comments/{id}", gone.id()).then().statusCode(200).body("status", equalTo("deleted"));
        assertEquals(List.of(), ModerationAudit.of(gone.id()));
    }

    @Test
    void decisionsAreForModeratorsOnly() {
        long article = publishedArticle();
        long id = post(article, "Held", "schlimm").id();
        String path = decisionPath(id);
        Map<String, Object> approve = Map.of("action", "approve", "reason", "sneaky");
        problem(given().contentType(ContentType.JSON).body(approve).post(path).then(), 401, "UNAUTHENTICATED",
                "unauthenticated", "Authentication required", path);
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body(approve).post(path)
                .then(), 403, "FORBIDDEN", "forbidden", "Forbidden", path);
        problem(given().auth().oauth2(TestTokens.forged()).contentType(ContentType.JSON).body(approve).post(path)
                .then(), 401, "UNAUTHENTICATED", "unauthenticated", "Authentication required", path);
        assertTrue(queueIds("pending").contains((int) id), "still held");
        assertEquals(List.of(), ModerationAudit.of(id));
    }

    // ---- helpers

    record Created(long id, String token, JsonPath json) {
    }

    private static Created post(long article, String author, String body) {
        return post(article, Map.of("authorName", author, "body", body));
    }

    private static Created reply(long article, long parent, String author, String body) {
        return post(article, Map.of("authorName", author, "body", body, "parentId", parent));
    }

    private static Created post(long article, Map<String, Object> body) {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .post(commentsPath(article)).then().statusCode(201).extract();
        return new Created(created.jsonPath().getLong("id"), created.jsonPath().getString("token"),
                created.jsonPath());
    }

    /** A decision on the comment as it is now (its current ETag, read in-process). */
    private static ValidatableResponse decide(long id, String action, String reason) {
        return decide(id, ModerationQueue.currentEtag(id), action, reason);
    }

    private static ValidatableResponse decide(long id, String ifMatch, String action, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        var request = given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(decisionPath(id)).then();
    }

    private static RawHttp.Response rawReport(String from, long id, Map<String, String> headers) {
        return RawHttp.postJson(from, RestAssured.port, reportsPath(id), headers,
                "{\"reason\":\"abuse\",\"detail\":\"from " + from + "\"}");
    }

    private static ModerationDecision onlyDecision(long id) {
        List<ModerationDecision> audit = ModerationAudit.of(id);
        assertEquals(1, audit.size(), "one audit row");
        return audit.get(0);
    }

    private static void assertRecent(Instant instant) {
        assertNotNull(instant);
        assertTrue(Duration.between(instant, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "recent: " + instant);
    }

    private static void notFound(ValidatableResponse response, String instance) {
        problem(response, 404, "NOT_FOUND", "not-found", "Not found", instance);
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("moderation")).jsonPath().getLong("id");
    }

    private static String commentsPath(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }

    private static String reportsPath(long id) {
        return "/api/v1/comments/" + id + "/reports";
    }

    private static String decisionPath(long id) {
        return "/api/v1/moderation/comments/" + id + "/decision";
    }
}
