package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationAudit;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The author's edits and deletes with the comment's token, tombstones, and the author's view of their own. */
@QuarkusTest
class CommentAuthorTest {

    private static final String PRIVATE = "private, no-store";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    // ---- edits

    @Test
    void theAuthorEditsTheBodyWithTheTokenAndEditedAtIsSet() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Editor of mine", "body", "Frist!"));
        ExtractableResponse<Response> edited = given().header("Comment-Token", comment.token())
                .contentType(ContentType.JSON).body(Map.of("body", "First!\nTypo fixed."))
                .patch("/api/v1/comments/{id}", comment.id())
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", PRIVATE)
                .header("ETag", notNullValue())
                .body("id", equalTo((int) comment.id()))
                .body("authorName", equalTo("Editor of mine"))
                .body("body", equalTo("First!\nTypo fixed."))
                .body("status", equalTo("published"))
                .body("editedAt", notNullValue())
                .body("editableUntil", equalTo(comment.json().getString("editableUntil")))
                .body("createdAt", equalTo(comment.json().getString("createdAt")))
                .body("$", not(hasKey("token")))
                .extract();
        Instant editedAt = Instant.parse(edited.jsonPath().getString("editedAt"));
        assertFalse(editedAt.isBefore(Instant.parse(comment.json().getString("createdAt"))));
        given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200)
                .body("body", equalTo("First!\nTypo fixed."))
                .body("editedAt", equalTo(edited.jsonPath().getString("editedAt")));
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.body", contains("First!\nTypo fixed."));
    }

    @Test
    void theAuthorEditsWithAMergePatchToo() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Patcher", "body", "Before"));
        given().header("Comment-Token", comment.token()).contentType(MERGE_PATCH)
                .body("{\"body\":\"After\"}")
                .patch("/api/v1/comments/{id}", comment.id())
                .then().statusCode(200).body("body", equalTo("After")).body("editedAt", notNullValue());
        given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200).body("body", equalTo("After"));
    }

    @Test
    void anEditChangesTheETagOfTheComment() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Tagger", "body", "Version one"));
        String before = given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200).extract()
                .header("ETag");
        editBody(comment, "Version two").statusCode(200);
        String after = given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200).extract()
                .header("ETag");
        assertNotEquals(before, after);
        given().header("If-None-Match", before).get("/api/v1/comments/{id}", comment.id()).then().statusCode(200)
                .body("body", equalTo("Version two"));
    }

    @Test
    void anEditCannotChangeTheAuthorNameNorAnythingButTheBody() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Original name", "body", "Original body"));
        problem(given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "New body", "authorName", "Someone else"))
                .patch("/api/v1/comments/{id}", comment.id()).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", "/api/v1/comments/" + comment.id())
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains("authorName"))
                .body("errors.message", contains("is not a known field"));
        given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200)
                .body("authorName", equalTo("Original name"))
                .body("body", equalTo("Original body"))
                .body("editedAt", nullValue());
    }

    @Test
    void anEditIsValidatedLikeANewComment() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Validated", "body", "Fine as it is"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "   ")).patch(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("body"))
                .body("errors.message", contains("must not be blank"));
        problem(given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "ring\u0007ring")).patch(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("body"))
                .body("errors.message", contains("must not contain control characters other than newline and tab"));
        problem(given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "b".repeat(5001))).patch(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path)
                .body("errors.field", contains("body"));
        given().get(path).then().statusCode(200).body("body", equalTo("Fine as it is")).body("editedAt", nullValue());
    }

    @Test
    void anEditThatAddsABannedWordHoldsTheCommentAndTheThreadNoLongerCountsIt() {
        long article = publishedArticle();
        long root = post(article, Map.of("authorName", "Root", "body", "Start of a thread")).id();
        Created reply = post(article, Map.of("authorName", "Replier", "body", "A polite reply", "parentId", root));
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(1));

        editBody(reply, "An impolite reply: BADWORD").statusCode(200)
                .body("status", equalTo("pending"))
                .body("body", equalTo("An impolite reply: BADWORD"));
        given().get("/api/v1/comments/{id}", root).then().statusCode(200).body("replyCount", equalTo(0));
        given().get("/api/v1/comments/{id}/replies", root).then().statusCode(200).body("items", hasSize(0));
        notFound(given().get("/api/v1/comments/{id}", reply.id()).then(), "/api/v1/comments/" + reply.id());
        // The author still sees it, with its status.
        given().header("Comment-Token", reply.token()).get("/api/v1/comments/{id}", reply.id()).then()
                .statusCode(200).header("Cache-Control", PRIVATE).body("status", equalTo("pending"));
    }

    // ---- who may edit

    @Test
    void anEditWithoutAnyCredentialsIsUnauthenticatedAndChangesNothing() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Guarded", "body", "Leave me be"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().contentType(ContentType.JSON).body(Map.of("body", "Vandalised")).patch(path).then(), 401,
                "UNAUTHENTICATED", "unauthenticated", "Authentication required", path)
                .body("detail", equalTo("Send the comment's Comment-Token"));
        unchanged(comment.id(), "Leave me be");
    }

    @Test
    void anEditWithAnotherCommentsTokenOrARandomOneIsForbiddenAndChangesNothing() {
        long article = publishedArticle();
        Created mine = post(article, Map.of("authorName", "Mine", "body", "My words"));
        Created theirs = post(article, Map.of("authorName", "Theirs", "body", "Their words"));
        String path = "/api/v1/comments/" + mine.id();
        for (String token : List.of(theirs.token(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                mine.token().toUpperCase(), mine.token() + "x")) {
            problem(given().header("Comment-Token", token).contentType(ContentType.JSON)
                    .body(Map.of("body", "Hijacked")).patch(path).then(), 403, "FORBIDDEN", "forbidden", "Forbidden",
                    path)
                    .body("detail", equalTo("This Comment-Token is not this comment's"));
        }
        unchanged(mine.id(), "My words");
        unchanged(theirs.id(), "Their words");
    }

    @Test
    void aBearerOfAnyRoleWithoutTheTokenMayNotEditSomeoneElsesWords() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Author", "body", "What I said"));
        String path = "/api/v1/comments/" + comment.id();
        for (String bearer : List.of(TestTokens.moderator(), TestTokens.editor(), TestTokens.withGroups("reader"))) {
            problem(given().auth().oauth2(bearer).contentType(ContentType.JSON)
                    .body(Map.of("body", "What the staff say I said")).patch(path).then(), 403, "FORBIDDEN",
                    "forbidden", "Forbidden", path);
        }
        unchanged(comment.id(), "What I said");
    }

    @Test
    void editingADeletedCommentIsAConflict() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Regretful", "body", "Gone soon"));
        given().header("Comment-Token", comment.token()).delete("/api/v1/comments/{id}", comment.id()).then()
                .statusCode(204);
        String path = "/api/v1/comments/" + comment.id();
        problem(given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", "Back from the dead")).patch(path).then(), 409, "CONFLICT", "conflict",
                "Conflict", path)
                .body("detail", equalTo("A deleted comment cannot be edited"))
                .body("$", not(hasKey("errors")));
        tombstone(comment.id());
    }

    @Test
    void editingAnUnknownCommentIsNotFound() {
        String path = "/api/v1/comments/999999999";
        notFound(given().header("Comment-Token", "whatever").contentType(ContentType.JSON)
                .body(Map.of("body", "Nobody here")).patch(path).then(), path);
    }

    // ---- deletes and tombstones

    @Test
    void theAuthorDeletesWithTheTokenLeavingATombstone() {
        long article = publishedArticle();
        Created comment = post(article,
                Map.of("authorName", "Soon gone", "authorEmail", "gone@example.org", "body", "Words to remove"));
        given().header("Comment-Token", comment.token()).delete("/api/v1/comments/{id}", comment.id())
                .then().statusCode(204).body(equalTo(""));
        String read = given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200)
                .body("id", equalTo((int) comment.id()))
                .body("status", equalTo("deleted"))
                .body("authorName", nullValue())
                .body("body", nullValue())
                .body("createdAt", equalTo(comment.json().getString("createdAt")))
                .extract().asString();
        assertFalse(read.contains("Soon gone"), read);
        assertFalse(read.contains("Words to remove"), read);
        assertFalse(read.contains("gone@example.org"), read);
        // The tombstone keeps its place in the article's list.
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) comment.id()))
                .body("items.status", contains("deleted"))
                .body("items[0].body", nullValue())
                .body("items[0].authorName", nullValue());
    }

    @Test
    void deletingTwiceWithTheTokenIsStillNoContent() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Twice", "body", "Delete me twice"));
        for (int i = 0; i < 2; i++) {
            given().header("Comment-Token", comment.token()).delete("/api/v1/comments/{id}", comment.id()).then()
                    .statusCode(204);
        }
        tombstone(comment.id());
    }

    @Test
    void aModeratorDeletesAnyCommentAndTheDeleteIsAudited() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Troll", "body", "Something nasty"));
        given().auth().oauth2(TestTokens.moderator()).delete("/api/v1/comments/{id}", comment.id()).then()
                .statusCode(204);
        tombstone(comment.id());
        List<ModerationDecision> audit = ModerationAudit.of(comment.id());
        assertEquals(1, audit.size());
        ModerationDecision decision = audit.get(0);
        assertEquals("test-user", decision.moderator);
        assertEquals("delete", decision.action);
        assertEquals("published", decision.previousStatus);
        assertEquals("deleted", decision.newStatus);
        assertTrue(decision.decidedAt != null
                && Duration.between(decision.decidedAt, Instant.now()).abs().toMinutes() < 1);
    }

    @Test
    void theAuthorsOwnDeleteLeavesNoModerationAuditRow() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Self", "body", "My own choice"));
        given().header("Comment-Token", comment.token()).delete("/api/v1/comments/{id}", comment.id()).then()
                .statusCode(204);
        assertEquals(List.of(), ModerationAudit.of(comment.id()));
    }

    @Test
    void aDeleteWithoutAnyCredentialsIsUnauthenticatedAndChangesNothing() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Still here", "body", "Do not delete"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().delete(path).then(), 401, "UNAUTHENTICATED", "unauthenticated", "Authentication required",
                path)
                .body("detail", equalTo("Send the comment's Comment-Token, or a moderator's bearer token"));
        unchanged(comment.id(), "Do not delete");
    }

    @Test
    void aDeleteWithAnotherCommentsTokenOrARandomOneIsForbiddenAndChangesNothing() {
        long article = publishedArticle();
        Created mine = post(article, Map.of("authorName", "Mine", "body", "Keep it"));
        Created theirs = post(article, Map.of("authorName", "Theirs", "body", "Keep theirs too"));
        String path = "/api/v1/comments/" + mine.id();
        for (String token : List.of(theirs.token(), "not-a-token-at-all", mine.token().substring(1))) {
            problem(given().header("Comment-Token", token).delete(path).then(), 403, "FORBIDDEN", "forbidden",
                    "Forbidden", path)
                    .body("detail", equalTo("Only the comment's author (its token) or a moderator may"));
        }
        unchanged(mine.id(), "Keep it");
        unchanged(theirs.id(), "Keep theirs too");
    }

    @Test
    void anEditorBearerWithoutTheTokenMayNotDelete() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Reader", "body", "Editors cannot delete me"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().auth().oauth2(TestTokens.editor()).delete(path).then(), 403, "FORBIDDEN", "forbidden",
                "Forbidden", path);
        unchanged(comment.id(), "Editors cannot delete me");
    }

    @Test
    void aForgedModeratorBearerMayNotDelete() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Reader", "body", "Forgers cannot delete me"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().auth().oauth2(TestTokens.forged()).delete(path).then(), "UNAUTHENTICATED", path);
        unchanged(comment.id(), "Forgers cannot delete me");
    }

    @Test
    void deletingAnUnknownCommentIsNotFound() {
        String path = "/api/v1/comments/999999999";
        notFound(given().auth().oauth2(TestTokens.moderator()).delete(path).then(), path);
        notFound(given().header("Comment-Token", "anything").delete(path).then(), path);
    }

    @Test
    void repliesUnderADeletedRootStayReadableAndDeletingAReplyLowersTheCount() {
        long article = publishedArticle();
        Created root = post(article, Map.of("authorName", "Root", "body", "Thread starter"));
        long first = post(article, Map.of("authorName", "One", "body", "First reply", "parentId", root.id())).id();
        Created second = post(article,
                Map.of("authorName", "Two", "body", "Second reply", "parentId", root.id()));
        long third = post(article, Map.of("authorName", "Three", "body", "Reply to a reply", "parentId", first))
                .id();
        given().get("/api/v1/comments/{id}", root.id()).then().statusCode(200).body("replyCount", equalTo(3));

        given().header("Comment-Token", root.token()).delete("/api/v1/comments/{id}", root.id()).then()
                .statusCode(204);
        given().get("/api/v1/comments/{id}", root.id()).then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("body", nullValue())
                .body("authorName", nullValue())
                .body("replyCount", equalTo(3));
        given().get("/api/v1/comments/{id}/replies", root.id()).then().statusCode(200)
                .body("items.id", contains((int) first, (int) second.id(), (int) third))
                .body("items.body", contains("First reply", "Second reply", "Reply to a reply"))
                .body("items.status", contains("published", "published", "published"));

        given().header("Comment-Token", second.token()).delete("/api/v1/comments/{id}", second.id()).then()
                .statusCode(204);
        given().get("/api/v1/comments/{id}", root.id()).then().statusCode(200).body("replyCount", equalTo(2));
        given().get(commentsPath(article)).then().statusCode(200)
                .body("items.id", contains((int) root.id()))
                .body("items[0].replyCount", equalTo(2));
        // The deleted reply stays in the thread as a tombstone.
        given().get("/api/v1/comments/{id}/replies", root.id()).then().statusCode(200)
                .body("items.id", contains((int) first, (int) second.id(), (int) third))
                .body("items.status", contains("published", "deleted", "published"))
                .body("items[1].body", nullValue())
                .body("items[1].authorName", nullValue());
    }

    @Test
    void noOneCanReplyToATombstone() {
        long article = publishedArticle();
        Created root = post(article, Map.of("authorName", "Root", "body", "Will be deleted"));
        given().header("Comment-Token", root.token()).delete("/api/v1/comments/{id}", root.id()).then()
                .statusCode(204);
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Late", "body", "Replying to nothing", "parentId", root.id()))
                .post(commentsPath(article)).then(), 400, "VALIDATION_FAILED", "validation", "Invalid request",
                commentsPath(article))
                .body("errors.field", contains("parentId"));
    }

    // ---- the author's view

    @Test
    void theAuthorSeesTheirOwnPendingCommentWithTheTokenAndReadersDoNot() {
        long article = publishedArticle();
        Created held = post(article, Map.of("authorName", "Linker",
                "body", "See http://a.example and https://b.example and www.c.example"));
        assertEquals("pending", held.json().getString("status"));
        String path = "/api/v1/comments/" + held.id();
        given().header("Comment-Token", held.token()).get(path).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", PRIVATE)
                .body("id", equalTo((int) held.id()))
                .body("status", equalTo("pending"))
                .body("body", equalTo("See http://a.example and https://b.example and www.c.example"))
                .body("$", not(hasKey("heldReason")));
        notFound(given().get(path).then(), path);
        Created other = post(article, Map.of("authorName", "Other", "body", "Someone else"));
        notFound(given().header("Comment-Token", other.token()).get(path).then(), path);
        notFound(given().header("Comment-Token", "random-guess").get(path).then(), path);
        given().get(commentsPath(article)).then().statusCode(200).body("items.id", contains((int) other.id()));
    }

    @Test
    void theAuthorsViewOfTheirPublishedCommentIsPrivateButReadersShareIt() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Public", "body", "Out in the open"));
        given().header("Comment-Token", comment.token()).get("/api/v1/comments/{id}", comment.id()).then()
                .statusCode(200).header("Cache-Control", PRIVATE).body("status", equalTo("published"));
        given().get("/api/v1/comments/{id}", comment.id()).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300");
    }

    @Test
    void theAuthorEditsTheirOwnPendingComment() {
        long article = publishedArticle();
        Created held = post(article, Map.of("authorName", "Held", "body", "Contains badword"));
        assertEquals("pending", held.json().getString("status"));
        editBody(held, "Contains a nicer word").statusCode(200)
                .body("status", equalTo("pending"))
                .body("body", equalTo("Contains a nicer word"));
        given().header("Comment-Token", held.token()).get("/api/v1/comments/{id}", held.id()).then()
                .statusCode(200).body("body", equalTo("Contains a nicer word")).body("status", equalTo("pending"));
        notFound(given().get("/api/v1/comments/{id}", held.id()).then(), "/api/v1/comments/" + held.id());
    }

    @Test
    void aCommentWriteWithoutCredentialsChallengesTheClient() {
        long article = publishedArticle();
        Created comment = post(article, Map.of("authorName", "Challenged", "body", "Who goes there?"));
        String path = "/api/v1/comments/" + comment.id();
        problem(given().delete(path).then(), "UNAUTHENTICATED", path)
                .header("WWW-Authenticate", notNullValue());
        problem(given().contentType(ContentType.JSON).body(Map.of("body", "x")).patch(path).then(), "UNAUTHENTICATED",
                path)
                .header("WWW-Authenticate", notNullValue());
    }

    // ---- helpers

    record Created(long id, String token, JsonPath json) {
    }

    private static Created post(long article, Map<String, Object> body) {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .post(commentsPath(article)).then().statusCode(201).extract();
        return new Created(created.jsonPath().getLong("id"), created.jsonPath().getString("token"),
                created.jsonPath());
    }

    private static ValidatableResponse editBody(Created comment, String body) {
        return given().header("Comment-Token", comment.token()).contentType(ContentType.JSON)
                .body(Map.of("body", body)).patch("/api/v1/comments/{id}", comment.id()).then();
    }

    private static void unchanged(long id, String body) {
        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("published"))
                .body("body", equalTo(body))
                .body("editedAt", nullValue());
    }

    private static void tombstone(long id) {
        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("authorName", nullValue())
                .body("body", nullValue());
    }

    private static void notFound(ValidatableResponse response, String instance) {
        problem(response, 404, "NOT_FOUND", "not-found", "Not found", instance)
                .body("detail", equalTo("This comment does not exist"));
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("author")).jsonPath().getLong("id");
    }

    private static String commentsPath(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
