package org.newsroom.content.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ModerationQueue;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.support.TestTokens;

import com.svix.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Through the real API: what editors, readers and moderators do reaches a subscriber as signed events, made by the
 * services in their own transactions (the outbox) and delivered by the worker.
 */
@QuarkusTest
class WebhookEndToEndTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    @Inject
    WebhookWorker worker;

    @Inject
    MovableClock clock;

    private WebhookReceiver receiver;
    private Long subscription;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            given().auth().oauth2(TestTokens.editor()).delete("/api/v1/webhooks/{id}", subscription);
        }
        receiver.close();
        clock.reset();
    }

    @Test
    void anArticlePublishedEditedAndDeletedReachesTheSubscriberSigned() throws Exception {
        Webhook verifier = subscribe("/articles", "article.published", "article.updated", "article.deleted");
        ExtractableResponse<Response> created = Fixtures.publishedArticle("webhooks");
        long id = created.jsonPath().getLong("id");
        String etag = given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .contentType("application/merge-patch+json").body(Map.of("headline", "Edited for the hook"))
                .patch("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", etag).delete("/api/v1/articles/{id}", id).then()
                .statusCode(204);

        List<WebhookReceiver.Received> received = inEventOrder(awaitRequests("/articles", 3));
        for (WebhookReceiver.Received request : received) {
            verifier.verify(request.body(), request.headers());
        }
        List<JsonPath> bodies = received.stream().map(request -> JsonPath.from(request.body())).toList();
        assertEquals(List.of("article.published", "article.updated", "article.deleted"),
                bodies.stream().map(body -> body.getString("type")).toList());
        JsonPath published = bodies.get(0);
        assertEquals(id, published.getLong("data.id"));
        assertEquals(created.jsonPath().getString("slug"), published.getString("data.slug"));
        assertEquals(created.header("ETag").replace("\"", ""), published.getString("data.version"));
        assertEquals(List.of("article-" + id, "list", "feed", "section-webhooks", "tag-alpha", "tag-beta"),
                published.getList("data.surrogateKeys"));
        assertEquals(etag.replace("\"", ""), bodies.get(1).getString("data.version"));
        assertEquals("deleted", bodies.get(2).getString("data.status"));
        assertTrue(bodies.get(2).getList("data.surrogateKeys").contains("comments-" + id));
    }

    @Test
    void aReadersCommentAndAModeratorsDecisionReachTheSubscriber() throws Exception {
        Webhook verifier = subscribe("/comments", "comment.published", "moderation.decided");
        long article = Fixtures.publishedArticle("webhooks").jsonPath().getLong("id");
        long published = comment(article, "A fine comment");
        long held = comment(article, "A badword comment");
        given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .header("If-Match", ModerationQueue.currentEtag(held)).body(Map.of("action", "approve"))
                .post("/api/v1/moderation/comments/{id}/decision", held).then().statusCode(200);

        List<WebhookReceiver.Received> received = inEventOrder(awaitRequests("/comments", 2));
        for (WebhookReceiver.Received request : received) {
            verifier.verify(request.body(), request.headers());
        }
        JsonPath first = JsonPath.from(received.get(0).body());
        assertEquals("comment.published", first.getString("type"));
        assertEquals(published, first.getLong("data.id"));
        assertEquals(article, first.getLong("data.articleId"));
        assertEquals(List.of("comments-" + article), first.getList("data.surrogateKeys"));
        JsonPath decided = JsonPath.from(received.get(1).body());
        assertEquals("moderation.decided", decided.getString("type"));
        assertEquals(held, decided.getLong("data.id"));
        assertEquals("approve", decided.getString("data.action"));
        assertEquals("published", decided.getString("data.status"));
    }

    @Test
    void aScheduledPublicationIsDeliveredAtItsTime() {
        subscribe("/scheduled", "article.published");
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Scheduled for the hook"), "status",
                "published", "publishedAt", at.toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Later.")))).jsonPath().getLong("id");
        worker.run();
        assertTrue(receiver.received("/scheduled").isEmpty(), "not before its time");

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        // Other tests' scheduled articles within those two hours go live too, and reach this subscriber as well.
        JsonPath body = await().atMost(DELIVERY).pollInterval(POLL).until(() -> {
            worker.run();
            return receiver.received("/scheduled").stream().map(request -> JsonPath.from(request.body()))
                    .filter(event -> event.getLong("data.id") == id).findFirst();
        }, Optional::isPresent).get();
        assertEquals(at, Instant.parse(body.getString("timestamp")), "the event's time is its publication's");
    }

    private Webhook subscribe(String path, String... types) {
        JsonPath created = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(types))).post("/api/v1/webhooks").then()
                .statusCode(201).extract().jsonPath();
        subscription = created.getLong("id");
        try {
            return new Webhook(created.getString("secret"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long comment(long article, String body) {
        return given().contentType(ContentType.JSON).body(Map.of("authorName", "Reader", "body", body))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private List<WebhookReceiver.Received> awaitRequests(String path, int count) {
        return await().atMost(DELIVERY).pollInterval(POLL).until(() -> {
            worker.run();
            return receiver.received(path);
        }, requests -> requests.size() >= count);
    }

    /** Deliveries run several at once: in the order of their events (the outbox's ids, in commit order here). */
    private static List<WebhookReceiver.Received> inEventOrder(List<WebhookReceiver.Received> received) {
        return received.stream()
                .sorted(Comparator.comparingLong(request -> Long.parseLong(request.header("webhook-id").substring(4))))
                .toList();
    }
}
