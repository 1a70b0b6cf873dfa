package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.security.ServerSecret;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationAudit;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.support.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the service keeps only for a while goes when its time is up (the purge is called directly; the clock moves, no
 * test sleeps): idempotency answers after 24 hours, client addresses after a day, reports after 30 days; what is
 * younger stays. E-mail addresses are never stored, and an article's deletion leaves the moderators' decisions.
 */
@QuarkusTest
class DataRetentionTest {

    @Inject
    MovableClock clock;

    @Inject
    DataRetention retention;

    @Inject
    ServerSecret secret;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void thePurgeRemovesWhatIsOldAndKeepsWhatIsYoung() {
        long article = publishedArticle();
        String key = UUID.randomUUID().toString();
        long old = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("authorName", "Old", "body", "Posted two days ago")).post(comments(article)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String reportKey = UUID.randomUUID().toString();
        given().header("Idempotency-Key", reportKey).contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post("/api/v1/comments/" + old + "/reports").then().statusCode(202);
        String etag = given().get("/api/v1/comments/" + old).then().statusCode(200).extract().header("ETag");
        assertNotNull(commentAddress(old));
        assertNotNull(reportAddress(old));
        assertTrue(keyStored(comments(article), key), "the comment's answer is kept");
        assertTrue(keyStored("/api/v1/comments/" + old + "/reports", reportKey), "the report's answer is kept");

        // A purge now changes none of it: all of it is young.
        retention.purge();
        assertNotNull(commentAddress(old));
        assertNotNull(reportAddress(old));
        assertTrue(keyStored(comments(article), key));

        clock.advance(Duration.ofDays(2));
        long young = given().contentType(ContentType.JSON).body(Map.of("authorName", "Young", "body", "Just now"))
                .post(comments(article)).then().statusCode(201).extract().jsonPath().getLong("id");
        retention.purge();
        assertNull(commentAddress(old), "the old comment's address is cleared");
        assertNull(reportAddress(old), "the old report's address is cleared");
        assertEquals(1, reportRows(old), "the report itself stays for 30 days");
        assertNotNull(commentAddress(young), "the young comment's address stays");
        assertFalse(keyStored(comments(article), key), "idempotency answers older than 24 hours are gone");
        assertFalse(keyStored("/api/v1/comments/" + old + "/reports", reportKey));
        // What readers see did not move: same ETag.
        given().header("If-None-Match", etag).get("/api/v1/comments/" + old).then().statusCode(304);
        // The key is free again: the same request makes a new comment.
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("authorName", "Old", "body", "Posted two days ago")).post(comments(article)).then()
                .statusCode(201).header("Idempotent-Replayed", (String) null);

        clock.advance(Duration.ofDays(29));
        retention.purge();
        assertEquals(0, reportRows(old), "reports older than 30 days are gone");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(old).reportCount),
                "what the report did stays");
    }

    @Test
    void addressesAreKeptAsLongAsTheLongestRuleThatReadsThem() {
        // The repeat window of the test profile is zero and the default retention a day: a day it is.
        assertEquals(Duration.ofDays(1), retention.addressRetention());
    }

    @Test
    void anEmailAddressIsAcceptedButNotStored() {
        long article = publishedArticle();
        given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Mailer", "authorEmail", "reader@example.org", "body", "Hello"))
                .post(comments(article)).then().statusCode(201);
        List<?> columns = QuarkusTransaction.requiringNew().call(() -> Comment.getEntityManager()
                .createNativeQuery("select column_name from information_schema.columns where table_name = 'comment'")
                .getResultList());
        assertFalse(columns.contains("author_email"), columns.toString());
        String openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertTrue(openApi.contains("Deprecated: accepted for compatibility, not stored"));
    }

    @Test
    void deletingAnArticleKeepsTheModeratorsDecisions() {
        var created = Fixtures.publishedArticle(Fixtures.unique("audit"));
        long article = created.jsonPath().getLong("id");
        long comment = given().contentType(ContentType.JSON).body(Map.of("authorName", "Rude", "body", "Remove me"))
                .post(comments(article)).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.moderator()).delete("/api/v1/comments/" + comment).then().statusCode(204);
        assertEquals(1, ModerationAudit.of(comment).size());

        String etag = given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/" + article).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", etag).delete("/api/v1/articles/" + article)
                .then().statusCode(204);
        given().get("/api/v1/comments/" + comment).then().statusCode(404);

        List<ModerationDecision> audit = ModerationAudit.of(comment);
        assertEquals(1, audit.size(), "the decision outlives its comment and article");
        assertEquals("delete", audit.get(0).action);
        assertEquals(article, audit.get(0).articleId);
    }

    private static String commentAddress(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(id).clientAddress);
    }

    private static String reportAddress(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> CommentReport
                .<CommentReport>find("commentId", commentId).firstResult().clientAddress);
    }

    private static long reportRows(long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> CommentReport.count("commentId", commentId));
    }

    /** Whether an answer is stored for this key on this path (keys are stored as HMACs under the server secret). */
    private boolean keyStored(String path, String key) {
        byte[] hash = secret.mac("idempotency key", ("POST " + path + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Comment.getEntityManager()
                .createNativeQuery("select count(*) from idempotency_key where key_hash = :hash")
                .setParameter("hash", hash).getSingleResult()).longValue()) == 1;
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("retention")).jsonPath().getLong("id");
    }

    private static String comments(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
