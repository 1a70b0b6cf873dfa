package org.newsroom.content.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;
import static org.newsroom.content.support.ProblemAssertions.problemOneOf;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.support.TestTokens;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Subscriptions through the API, and the worker delivering hand-written outbox events to a receiver on loopback
 * (the test profile allows http and loopback, and retries within a second: src/test/resources). The worker's schedule
 * is off in tests: they run it themselves while they wait.
 */
@QuarkusTest
class WebhookTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    @Inject
    AgroalDataSource database;

    @Inject
    MovableClock clock;

    @Inject
    WebhookWorker worker;

    private WebhookReceiver receiver;
    /** The subscriptions this test made: deleted after it, so that no other test's events go to them. */
    private final List<Long> subscriptions = new java.util.ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        for (long id : subscriptions) {
            given().auth().oauth2(TestTokens.editor()).delete(WEBHOOKS + "/" + id);
        }
        receiver.close();
        clock.reset();
    }

    @Test
    void createsASubscriptionAndShowsItsSecretOnlyOnce() {
        String url = receiver.url("/created");
        var created = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("article.published", "comment.published"),
                        "description", "Search indexer"))
                .post(WEBHOOKS).then().statusCode(201).contentType(ContentType.JSON)
                .header("Cache-Control", "private, no-store").body("url", equalTo(url))
                .body("eventTypes", equalTo(List.of("article.published", "comment.published")))
                .body("description", equalTo("Search indexer")).body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+=*"))
                .extract();
        long id = created.jsonPath().getLong("id");
        subscriptions.add(id);
        assertEquals(WEBHOOKS + "/" + id, created.header("Location"));
        byte[] key = Base64.getDecoder().decode(created.jsonPath().getString("secret").substring("whsec_".length()));
        assertTrue(key.length >= 24, "the secret holds at least 24 random bytes");

        given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS + "/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("id", equalTo((int) id)).body("url", equalTo(url))
                .body("$", not(hasKey("secret")));
        JsonPath list = given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS).then().statusCode(200).extract()
                .jsonPath();
        assertTrue(list.getList("items.id", Integer.class).contains((int) id));
        assertTrue(list.getList("items").stream().noneMatch(item -> ((Map<?, ?>) item).containsKey("secret")));
        assertNull(list.getString("nextCursor"));
    }

    @Test
    void deliversAnEventSignedWithTheSubscribersSecret() throws Exception {
        String path = "/signed";
        var subscription = subscribe(path, "article.published");
        String other = receiver.url("/other");
        long otherId = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", other, "eventTypes", List.of("comment.published"))).post(WEBHOOKS).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        subscriptions.add(otherId);

        long eventId = event("article.published", 4242);
        WebhookReceiver.Received request = awaitRequests(path, 1).get(0);

        assertEquals("msg_" + eventId, request.header("webhook-id"));
        assertEquals("application/json", request.header("content-type"));
        assertTrue(request.header("user-agent").startsWith("news-content-webhooks/"));
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertTrue(Math.abs(timestamp - Instant.now().getEpochSecond()) < 60, "the attempt's own time");
        // Verified by another implementation of Standard Webhooks (Svix's), with the secret shown at creation.
        new Webhook(subscription.secret()).verify(request.body(), request.headers());
        Webhook anotherSecret = new Webhook(StandardWebhooks.newSecret());
        assertThrows(WebhookVerificationException.class, () -> anotherSecret.verify(request.body(), request.headers()));

        JsonPath body = JsonPath.from(request.body());
        assertEquals("article.published", body.getString("type"));
        assertNotNull(Instant.parse(body.getString("timestamp")));
        assertEquals(4242, body.getInt("data.id"));
        assertEquals("story-4242", body.getString("data.slug"));
        assertEquals("a4242.1", body.getString("data.version"));
        assertEquals(List.of("article-4242", "comments-4242", "list", "feed", "section-politics", "tag-x"),
                body.getList("data.surrogateKeys"));

        delivering(() -> given().auth().oauth2(TestTokens.editor())
                .get(WEBHOOKS + "/" + subscription.id() + "/deliveries").then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("items.size()", equalTo(1))
                .body("items[0].eventId", equalTo((int) eventId)).body("items[0].webhookId", equalTo("msg_" + eventId))
                .body("items[0].eventType", equalTo("article.published"))
                .body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204)).body("items[0].lastError", nullValue())
                .body("items[0].nextAttemptAt", nullValue()).body("items[0].deliveredAt", not(nullValue())));
        assertTrue(receiver.received("/other").isEmpty(), "a subscription gets only the types it asked for");
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthAttemptWithTheSameWebhookId() throws Exception {
        String path = "/flaky";
        receiver.script(path, WebhookReceiver.Answer.of(500), WebhookReceiver.Answer.of(502),
                WebhookReceiver.Answer.of(503));
        var subscription = subscribe(path, "article.updated");
        long eventId = event("article.updated", 77);

        List<WebhookReceiver.Received> attempts = awaitRequests(path, 4);
        assertEquals(Set.of("msg_" + eventId), attempts.stream().map(request -> request.header("webhook-id"))
                .collect(Collectors.toSet()), "every attempt carries the same webhook-id");
        for (WebhookReceiver.Received attempt : attempts) {
            new Webhook(subscription.secret()).verify(attempt.body(), attempt.headers());
        }
        delivering(() -> deliveries(subscription.id()).body("items[0].status",
                equalTo("delivered")).body("items[0].attempts", equalTo(4)).body("items[0].lastStatusCode",
                        equalTo(204)));
        assertEquals(4, receiver.received(path).size(), "nothing after the delivery");
    }

    @Test
    void aRetryAfterOn429IsHonoured() throws Exception {
        String path = "/busy";
        receiver.script(path, new WebhookReceiver.Answer(429, Map.of("Retry-After", "2")));
        var subscription = subscribe(path, "article.published");
        event("article.published", 78);

        List<WebhookReceiver.Received> attempts = awaitRequests(path, 2);
        Duration gap = Duration.ofNanos(attempts.get(1).receivedAtNanos() - attempts.get(0).receivedAtNanos());
        // Without Retry-After the test profile retries within half a second (content.webhooks.max-backoff).
        assertTrue(gap.compareTo(Duration.ofMillis(1900)) >= 0, "waited " + gap.toMillis() + " ms");
        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(2)));
    }

    @Test
    void redirectsAreNotFollowedAndAFailedDeliveryCanBeRedelivered() throws Exception {
        String path = "/moved";
        WebhookReceiver.Answer redirect = new WebhookReceiver.Answer(307, Map.of("Location", receiver.url("/target")));
        receiver.script(path, redirect, redirect, redirect, redirect, redirect);
        var subscription = subscribe(path, "article.deleted");
        long eventId = event("article.deleted", 79);

        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("failed")).body("items[0].attempts", equalTo(5))
                .body("items[0].lastStatusCode", equalTo(307))
                .body("items[0].lastError", containsString("redirect not followed"))
                .body("items[0].nextAttemptAt", nullValue()));
        assertEquals(5, receiver.received(path).size(), "content.webhooks.max-attempts in the test profile");
        assertTrue(receiver.received("/target").isEmpty(), "the redirect was not followed");

        long deliveryId = deliveries(subscription.id()).extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(TestTokens.editor())
                .post(WEBHOOKS + "/" + subscription.id() + "/deliveries/" + deliveryId + "/redeliver").then()
                .statusCode(202).header("Cache-Control", "private, no-store").body("id", equalTo((int) deliveryId))
                .body("status", equalTo("pending")).body("attempts", equalTo(0));
        List<WebhookReceiver.Received> all = awaitRequests(path, 6);
        assertEquals("msg_" + eventId, all.get(5).header("webhook-id"));
        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(1)));
    }

    @Test
    void aPendingDeliveryIsNotRedeliveredAndUnknownOnesAreNotFound() throws Exception {
        String path = "/later";
        receiver.script(path, new WebhookReceiver.Answer(429, Map.of("Retry-After", "3600")));
        var subscription = subscribe(path, "article.published");
        event("article.published", 80);
        awaitRequests(path, 1);
        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("pending")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(429)).body("items[0].lastError", equalTo("answered 429"))
                .body("items[0].nextAttemptAt", not(nullValue())));
        JsonPath delivery = deliveries(subscription.id()).extract().jsonPath();
        Duration wait = Duration.between(Instant.parse(delivery.getString("items[0].lastAttemptAt")),
                Instant.parse(delivery.getString("items[0].nextAttemptAt")));
        assertTrue(wait.compareTo(Duration.ofMinutes(59)) > 0, "Retry-After: 3600 honoured, waits " + wait);

        String redeliver = WEBHOOKS + "/" + subscription.id() + "/deliveries/" + delivery.getLong("items[0].id")
                + "/redeliver";
        problem(given().auth().oauth2(TestTokens.editor()).post(redeliver).then(), "CONFLICT", redeliver);
        String unknown = WEBHOOKS + "/" + subscription.id() + "/deliveries/999999999/redeliver";
        problem(given().auth().oauth2(TestTokens.editor()).post(unknown).then(), "NOT_FOUND", unknown);
        problem(given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS + "/999999999").then(), "NOT_FOUND",
                WEBHOOKS + "/999999999");
        problem(given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS + "/abc/deliveries").then(), "NOT_FOUND",
                WEBHOOKS + "/abc/deliveries");
    }

    @Test
    void anEventScheduledForLaterWaitsForItsTime() throws Exception {
        String path = "/scheduled";
        var subscription = subscribe(path, "article.published");
        try (Connection connection = database.getConnection()) {
            Instant now = clock.instant();
            OutboxRows.articleEvent(connection, "article.published", 81, now, now.plus(Duration.ofHours(2)));
        }
        worker.run();
        deliveries(subscription.id()).body("items.size()", equalTo(0));
        assertTrue(receiver.received(path).isEmpty());

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        awaitRequests(path, 1);
        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("delivered")));
    }

    /**
     * An instance that claimed a delivery and stopped before it recorded anything (killed mid-send): its claim holds
     * until its lease ends, then another run takes the delivery over; what the first one might record late is refused.
     */
    @Test
    void aClaimThatIsNeverFinishedExpiresAndIsTakenOver() throws Exception {
        String path = "/taken-over";
        var subscription = subscribe(path, "comment.deleted");
        long eventId = event("comment.deleted", 85);
        worker.fanOut();
        Instant now = clock.instant();
        WebhookDelivery.Claimed crashed = QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.claimDue(now, now.plusSeconds(60), 100)).stream()
                .filter(claim -> claim.eventId() == eventId).findFirst().orElseThrow();
        assertEquals(1, crashed.attempt());

        worker.run();
        assertTrue(receiver.received(path).isEmpty(), "claimed by the other instance until its lease ends");
        deliveries(subscription.id()).body("items[0].status", equalTo("pending")).body("items[0].attempts",
                equalTo(1));

        clock.advance(Duration.ofSeconds(61));
        awaitRequests(path, 1);
        delivering(() -> deliveries(subscription.id()).body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(2)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.recordOutcome(crashed,
                WebhookDelivery.FAILED, null, null, "late", null)), "the expired claim records nothing");
        deliveries(subscription.id()).body("items[0].status", equalTo("delivered"));
    }

    @Test
    void aReceiverThatHangsDelaysNoOther() throws Exception {
        CountDownLatch hanging = receiver.hold("/hanging");
        try {
            var slow = subscribe("/hanging", "article.unpublished");
            var quick = subscribe("/quick", "article.unpublished");
            long eventId = event("article.unpublished", 86);
            awaitRequests("/hanging", 1);
            delivering(() -> deliveries(quick.id()).body("items[0].eventId", equalTo((int) eventId))
                    .body("items[0].status", equalTo("delivered")));
            deliveries(slow.id()).body("items[0].status", equalTo("pending"));
            assertEquals(1, receiver.received("/hanging").size(), "still waiting for its answer");
        } finally {
            hanging.countDown();
        }
    }

    @Test
    void aReceiverAtAnIpv6LiteralGetsAWellFormedHostHeader() throws Exception {
        try (WebhookReceiver ipv6 = new WebhookReceiver(InetAddress.getByName("::1"))) {
            String url = ipv6.url("/v6");
            assertTrue(url.startsWith("http://[0:0:0:0:0:0:0:1]:"), url);
            JsonPath created = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("comment.held"))).post(WEBHOOKS).then()
                    .statusCode(201).extract().jsonPath();
            subscriptions.add(created.getLong("id"));
            event("comment.held", 87);
            WebhookReceiver.Received request = await().atMost(DELIVERY).pollInterval(POLL).until(() -> {
                worker.run();
                return ipv6.received("/v6");
            }, requests -> !requests.isEmpty()).get(0);
            assertEquals(url.substring("http://".length(), url.indexOf("/v6")), request.header("host"));
        }
    }

    @Test
    void deliveriesArePagedNewestFirst() throws Exception {
        String path = "/paged";
        var subscription = subscribe(path, "comment.published");
        for (int i = 0; i < 3; i++) {
            event("comment.published", 90 + i);
        }
        awaitRequests(path, 3);
        var first = given().auth().oauth2(TestTokens.editor()).queryParam("limit", 2)
                .get(WEBHOOKS + "/" + subscription.id() + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract();
        List<Long> ids = first.jsonPath().getList("items.id", Long.class);
        assertTrue(ids.get(0) > ids.get(1), "newest first");
        String cursor = first.jsonPath().getString("nextCursor");
        assertTrue(first.header("Link").contains("cursor="));
        given().auth().oauth2(TestTokens.editor()).queryParam("limit", 2).queryParam("cursor", cursor)
                .get(WEBHOOKS + "/" + subscription.id() + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue());
        String instance = WEBHOOKS + "/" + subscription.id() + "/deliveries";
        problem(given().auth().oauth2(TestTokens.editor()).queryParam("limit", 0).get(instance).then(),
                "VALIDATION_FAILED", instance);
        problem(given().auth().oauth2(TestTokens.editor()).queryParam("cursor", "forged").get(instance).then(),
                "VALIDATION_FAILED", instance);
        problem(given().auth().oauth2(TestTokens.editor()).queryParam("sort", "x").get(instance).then(),
                "UNKNOWN_PARAMETER", instance);
    }

    @Test
    void deletingASubscriptionStopsItsDeliveries() {
        var subscription = subscribe("/deleted", "article.published");
        String path = WEBHOOKS + "/" + subscription.id();
        given().auth().oauth2(TestTokens.editor()).delete(path).then().statusCode(204);
        problem(given().auth().oauth2(TestTokens.editor()).get(path).then(), "NOT_FOUND", path);
        problem(given().auth().oauth2(TestTokens.editor()).delete(path).then(), "NOT_FOUND", path);
    }

    @Test
    void invalidSubscriptionsAreProblemsNamingTheField() {
        invalid(Map.of("url", "ftp://hooks.example/x", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "http://user:secret@127.0.0.1/x", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "http://127.0.0.1/x#part", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "not a url", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "http:///x", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "https://nothing.invalid/x", "eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "http://127.0.0.1/" + "x".repeat(2001), "eventTypes", List.of("article.published")),
                "url");
        invalid(Map.of("eventTypes", List.of("article.published")), "url");
        invalid(Map.of("url", "http://127.0.0.1/x", "eventTypes", List.of()), "eventTypes");
        invalid(Map.of("url", "http://127.0.0.1/x"), "eventTypes");
        invalid(Map.of("url", "http://127.0.0.1/x", "eventTypes", List.of("article.exploded")), "eventTypes");
        invalid(Map.of("url", "http://127.0.0.1/x", "eventTypes", List.of("article.published", "article.published")),
                "eventTypes");
        invalid(Map.of("url", "http://127.0.0.1/x", "eventTypes", List.of("article.published"), "description",
                "two\nlines"), "description");
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body("{\"url\": ")
                .post(WEBHOOKS).then(), "MALFORMED_REQUEST", WEBHOOKS);
        problemOneOf(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body("{\"url\": 3}")
                .post(WEBHOOKS).then(), WEBHOOKS, "MALFORMED_REQUEST", "VALIDATION_FAILED");
        problemOneOf(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body("{\"url\":\"http://"
                + "127.0.0.1/\",\"eventTypes\":[\"article.published\"],\"secret\":\"mine\"}").post(WEBHOOKS).then(),
                WEBHOOKS, "MALFORMED_REQUEST", "VALIDATION_FAILED");
    }

    @Test
    void onlyEditorsManageWebhooks() {
        var subscription = subscribe("/auth", "article.published");
        String one = WEBHOOKS + "/" + subscription.id();
        Map<String, Object> body = Map.of("url", receiver.url("/x"), "eventTypes", List.of("article.published"));
        for (String token : new String[]{null, TestTokens.moderator(), TestTokens.withGroups("reader")}) {
            String code = token == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            problem(as(token).get(WEBHOOKS).then(), code, WEBHOOKS);
            problem(as(token).contentType(ContentType.JSON).body(body).post(WEBHOOKS).then(), code, WEBHOOKS);
            problem(as(token).get(one).then(), code, one);
            problem(as(token).delete(one).then(), code, one);
            problem(as(token).get(one + "/deliveries").then(), code, one + "/deliveries");
            problem(as(token).post(one + "/deliveries/1/redeliver").then(), code, one + "/deliveries/1/redeliver");
        }
        problem(as(TestTokens.forged()).get(WEBHOOKS).then(), "UNAUTHENTICATED", WEBHOOKS);
    }

    @Test
    void thePurgeDropsDoneDeliveriesAndTheirEventsAfterTheRetention() throws Exception {
        String path = "/purged";
        var subscription = subscribe(path, "article.published");
        long delivered = event("article.published", 82);
        awaitRequests(path, 1);
        delivering(() -> deliveries(subscription.id())
                .body("items[0].status", equalTo("delivered")));
        long unsubscribed = event("article.unpublished", 83);
        long scheduled;
        try (Connection connection = database.getConnection()) {
            Instant now = clock.instant();
            scheduled = OutboxRows.articleEvent(connection, "article.published", 84, now,
                    now.plus(Duration.ofDays(30)));
        }
        worker.fanOut();

        worker.purge();
        assertTrue(exists(delivered) && exists(unsubscribed), "nothing is purged before the retention");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            worker.purge();
            assertFalse(exists(delivered), "delivered, and older than the retention");
            assertFalse(exists(unsubscribed), "no subscriber, older than the retention");
            assertTrue(exists(scheduled), "not visible yet: waits for its time");
            deliveries(subscription.id()).body("items.size()", equalTo(0));
        } finally {
            clock.reset();
        }
    }

    // ---- helpers

    record Subscription(long id, String secret) {
    }

    private Subscription subscribe(String path, String... types) {
        JsonPath created = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(types))).post(WEBHOOKS).then()
                .statusCode(201).extract().jsonPath();
        subscriptions.add(created.getLong("id"));
        return new Subscription(created.getLong("id"), created.getString("secret"));
    }

    private long event(String type, long articleId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            Instant now = clock.instant();
            return OutboxRows.articleEvent(connection, type, articleId, now, now);
        }
    }

    private boolean exists(long eventId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return OutboxRows.exists(connection, eventId);
        }
    }

    private List<WebhookReceiver.Received> awaitRequests(String path, int count) {
        return await().atMost(DELIVERY).pollInterval(POLL).until(() -> {
            worker.run();
            return receiver.received(path);
        }, requests -> requests.size() >= count);
    }

    /**
     * Runs the worker (its schedule is off in tests, so that it adds no statement to the ones other tests count) until
     * {@code assertion} holds.
     */
    private void delivering(ThrowingRunnable assertion) {
        await().atMost(DELIVERY).pollInterval(POLL).untilAsserted(() -> {
            worker.run();
            assertion.run();
        });
    }

    private static io.restassured.response.ValidatableResponse deliveries(long subscriptionId) {
        return given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS + "/" + subscriptionId + "/deliveries").then()
                .statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    private static void invalid(Map<String, Object> body, String field) {
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body(body).post(WEBHOOKS)
                .then(), "VALIDATION_FAILED", WEBHOOKS).body("errors.field", equalTo(List.of(field)));
    }
}
