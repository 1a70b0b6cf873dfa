package org.newsroom.content.shared.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;
import org.newsroom.content.article.ArticleService;
import org.newsroom.content.article.ArticleWrite;
import org.newsroom.content.shared.idempotency.IdempotencyKey;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationQueue;
import org.newsroom.content.support.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The outbox (V11): every committed change that readers could see is one event, written in the change's transaction;
 * a change that rolls back leaves none, and a draft's changes are none.
 */
@QuarkusTest
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    ArticleService articles;

    @Inject
    UserTransaction transaction;

    record Event(String type, Long commentId, JsonNode data, Instant createdAt, Instant visibleAt) {
    }

    @Test
    void anArticleIsPublishedUpdatedUnpublishedAndDeleted() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle("outbox");
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        etag = patch(id, etag, Map.of("headline", "Changed headline")).header("ETag");
        etag = patch(id, etag, Map.of("section", "elsewhere", "tags", List.of("gamma"))).header("ETag");
        etag = patch(id, etag, Map.of("status", "draft")).header("ETag");
        etag = patch(id, etag, Map.of("headline", "A draft's edit is no event")).header("ETag");
        etag = patch(id, etag, Map.of("status", "published")).header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", etag).delete("/api/v1/articles/{id}", id)
                .then().statusCode(204);

        List<Event> events = eventsOf(id);
        assertEquals(List.of("article.published", "article.updated", "article.updated", "article.unpublished",
                "article.published", "article.deleted"), events.stream().map(Event::type).toList());
        JsonNode published = events.get(0).data();
        assertEquals(id, published.get("id").asLong());
        assertEquals(created.jsonPath().getString("slug"), published.get("slug").asText());
        assertEquals(created.header("ETag").replace("\"", ""), published.get("version").asText());
        assertEquals("published", published.get("status").asText());
        assertEquals(List.of("article-" + id, "list", "feed", "section-outbox", "tag-alpha", "tag-beta"),
                strings(published.get("surrogateKeys")));
        // A move names where it was and where it is, for a CDN to purge both.
        assertEquals(List.of("article-" + id, "list", "feed", "section-outbox", "section-elsewhere", "tag-alpha",
                "tag-beta", "tag-gamma"), strings(events.get(2).data().get("surrogateKeys")));
        JsonNode deleted = events.get(5).data();
        assertEquals("deleted", deleted.get("status").asText());
        assertTrue(strings(deleted.get("surrogateKeys")).contains("comments-" + id), "its comments went with it");
        events.forEach(event -> assertEquals(event.createdAt(), event.visibleAt(), event.type()));
        assertTrue(events.stream().allMatch(event -> event.commentId() == null));
    }

    @Test
    void aDraftIsNoEvent() {
        long id = Fixtures.draftArticle().jsonPath().getLong("id");
        assertEquals(List.of(), eventsOf(id));
    }

    @Test
    void aScheduledPublicationIsDeliverableAtItsTimeAndWithdrawnWhenRescheduled() {
        Instant first = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ExtractableResponse<Response> created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Later"),
                "status", "published", "publishedAt", first.toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Soon."))));
        long id = created.jsonPath().getLong("id");
        List<Event> scheduled = eventsOf(id);
        assertEquals(1, scheduled.size());
        assertEquals("article.published", scheduled.get(0).type());
        assertEquals(first, scheduled.get(0).visibleAt());

        Instant second = first.plus(1, ChronoUnit.DAYS);
        String etag = patch(id, created.header("ETag"), Map.of("publishedAt", second.toString())).header("ETag");
        List<Event> rescheduled = eventsOf(id);
        assertEquals(1, rescheduled.size(), "the first time is withdrawn: " + rescheduled);
        assertEquals(second, rescheduled.get(0).visibleAt());
        assertEquals(etag.replace("\"", ""), rescheduled.get(0).data().get("version").asText());

        patch(id, etag, Map.of("status", "draft"));
        assertEquals(List.of(), eventsOf(id), "withdrawn before its time: readers never saw it");
    }

    @Test
    void commentsAreEventsOfTheirArticle() {
        long article = Fixtures.publishedArticle("outbox").jsonPath().getLong("id");
        ExtractableResponse<Response> posted = comment(article, Map.of("authorName", "Ann", "body", "First"));
        long id = posted.jsonPath().getLong("id");
        String token = posted.jsonPath().getString("token");
        long reply = comment(article, Map.of("authorName", "Bo", "body", "A reply", "parentId", id)).jsonPath()
                .getLong("id");
        given().header("Comment-Token", token).contentType(ContentType.JSON).body(Map.of("body", "First, edited"))
                .patch("/api/v1/comments/{id}", id).then().statusCode(200);
        long held = comment(article, Map.of("authorName", "Cy", "body", "A badword")).jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .header("If-Match", ModerationQueue.currentEtag(held)).body(Map.of("action", "approve"))
                .post("/api/v1/moderation/comments/{id}/decision", held).then().statusCode(200);
        given().header("Comment-Token", token).delete("/api/v1/comments/{id}", id).then().statusCode(204);

        List<Event> events = eventsOf(article).stream().filter(event -> event.commentId() != null).toList();
        assertEquals(List.of("comment.published", "comment.published", "comment.updated", "comment.held",
                "moderation.decided", "comment.deleted"), events.stream().map(Event::type).toList());
        assertEquals(List.of(id, reply, id, held, held, id), events.stream().map(Event::commentId).toList());
        assertEquals(id, events.get(0).data().get("rootId").asLong(), "a top-level comment is its thread's root");
        assertTrue(events.get(0).data().get("parentId").isNull());
        JsonNode replied = events.get(1).data();
        assertEquals(id, replied.get("parentId").asLong());
        assertEquals(id, replied.get("rootId").asLong());
        assertEquals(article, replied.get("articleId").asLong());
        assertEquals(List.of("comments-" + article), strings(replied.get("surrogateKeys")));
        JsonNode decided = events.get(4).data();
        assertEquals("approve", decided.get("action").asText());
        assertEquals("published", decided.get("status").asText());
        assertEquals("pending", decided.get("previousStatus").asText());
        JsonNode deleted = events.get(5).data();
        assertEquals("deleted", deleted.get("status").asText());
        assertEquals("published", deleted.get("previousStatus").asText());
        String current = given().header("Comment-Token", token).get("/api/v1/comments/{id}", id).then()
                .statusCode(200).extract().header("ETag");
        assertEquals(current.replace("\"", ""), deleted.get("version").asText(), "the stored version");
    }

    @Test
    void aChangeThatRollsBackLeavesNoEvent() throws Exception {
        String headline = Fixtures.unique("Rolled back");
        transaction.begin();
        try {
            articles.create(new ArticleWrite(null, headline, null, null, null, "outbox", List.of(), "published",
                    null, null, List.of(), null), IdempotencyKey.of("test", null));
            assertEquals(1, count("SELECT count(*) FROM outbox_event e JOIN article a ON a.id = e.article_id"
                    + " WHERE e.type = 'article.published' AND a.headline = '" + headline + "'"),
                    "written inside the transaction, on its connection");
        } finally {
            transaction.rollback();
        }
        assertEquals(0, count("SELECT count(*) FROM article WHERE headline = '" + headline + "'"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE data->>'slug' LIKE 'rolled-back%'"));
    }

    // ---- helpers

    private static ExtractableResponse<Response> patch(long id, String etag, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.editor()).header("If-Match", etag)
                .contentType("application/merge-patch+json").body(body).patch("/api/v1/articles/{id}", id).then()
                .statusCode(200).extract();
    }

    private static ExtractableResponse<Response> comment(long article, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/articles/{id}/comments", article)
                .then().statusCode(201).extract();
    }

    private List<Event> eventsOf(long articleId) {
        List<Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT type, comment_id, data::text,"
                        + " created_at, visible_at FROM outbox_event WHERE article_id = ? ORDER BY id")) {
            statement.setLong(1, articleId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long comment = rows.getLong(2);
                    Long commentId = rows.wasNull() ? null : comment;
                    events.add(new Event(rows.getString(1), commentId,
                            JSON.readTree(rows.getString(3)), rows.getTimestamp(4).toInstant(),
                            rows.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Inside a transaction, through its connection; outside one, on its own. */
    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
