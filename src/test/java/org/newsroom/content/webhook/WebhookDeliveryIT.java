package org.newsroom.content.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.DedicatedDatabase;
import org.newsroom.content.support.PackagedApp;
import org.newsroom.content.support.PackagedAppServices;
import org.newsroom.content.support.TestTokens;

import com.svix.Webhook;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two packaged instances on one PostgreSQL (A started by the framework, B by this test), both delivering: each of many
 * events (comments posted through both, alternately) reaches each of two subscribers exactly once, signed, and every
 * delivery is recorded as delivered in one attempt. The database is this test's own, so that no other test's events or
 * subscriptions are in it.
 */
@QuarkusIntegrationTest
@WithTestResource(WebhookDeliveryIT.DeliveringInstances.class)
class WebhookDeliveryIT {

    private static final int EVENTS = 120;
    private static final Duration ALL_DELIVERED = Duration.ofSeconds(60);

    /** As the other ITs' settings, with receivers on loopback over http allowed, as in dev. */
    public static class DeliveringInstances extends DedicatedDatabase {

        @Override
        public Map<String, String> start() {
            Map<String, String> settings = new HashMap<>(super.start());
            settings.putAll(webhookSettings());
            return settings;
        }
    }

    private static Map<String, String> webhookSettings() {
        return Map.of("content.webhooks.allow-http", "true", "content.webhooks.allow-private-addresses", "true");
    }

    private static PackagedApp instanceB;

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.stop();
            instanceB = null;
        }
    }

    @Test
    void twoDeliveringInstancesSendEachEventExactlyOnce() throws Exception {
        Map<String, String> settings = new HashMap<>(
                PackagedAppServices.settings(DedicatedDatabase.server().jdbcUrl()));
        settings.putAll(webhookSettings());
        settings.put("quarkus.http.port", "0");
        // B says what it sent, so that the test can tell how the work was shared.
        settings.put("quarkus.log.category.\"org.newsroom.content.webhook\".level", "DEBUG");
        instanceB = PackagedApp.start(settings);

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // Two subscribers of the same events: each gets every event once.
            List<String> paths = List.of("/first", "/second");
            Map<String, Long> subscriptions = new HashMap<>();
            Map<String, Webhook> verifiers = new HashMap<>();
            for (String path : paths) {
                JsonPath created = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                        .body(Map.of("url", receiver.url(path), "eventTypes", List.of("comment.published")))
                        .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
                subscriptions.put(path, created.getLong("id"));
                verifiers.put(path, new Webhook(created.getString("secret")));
            }

            // Comments posted through both instances, alternately: each an event in its own transaction.
            long article = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                    .body(Map.of("headline", "Two instances, one receiver", "status", "published", "paragraphs",
                            List.of(Map.of("type", "paragraph", "text", "Comments below."))))
                    .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
            Set<Long> posted = new TreeSet<>();
            for (int i = 0; i < EVENTS; i++) {
                var request = i % 2 == 0 ? given() : given().port(instanceB.port());
                posted.add(request.contentType(ContentType.JSON)
                        .body(Map.of("authorName", "Reader " + i, "body", "Comment number " + i))
                        .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                        .getLong("id"));
            }

            for (String path : paths) {
                await().atMost(ALL_DELIVERED).until(() -> receiver.received(path).size() >= EVENTS);
                // Both instances have reported every outcome: all delivered, in one attempt each.
                await().atMost(ALL_DELIVERED)
                        .until(() -> delivered(instanceB.port(), subscriptions.get(path)) == EVENTS);

                List<WebhookReceiver.Received> received = receiver.received(path);
                Map<String, Long> perId = received.stream().collect(
                        Collectors.groupingBy(request -> request.header("webhook-id"), Collectors.counting()));
                assertEquals(Map.of(), perId.entrySet().stream().filter(entry -> entry.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                        path + ": no event arrived twice");
                assertEquals(posted, received.stream().map(request -> JsonPath.from(request.body()).getLong("data.id"))
                        .collect(Collectors.toCollection(TreeSet::new)), path + ": every comment's event arrived");
                assertEquals(EVENTS, received.size(), path);
                for (WebhookReceiver.Received request : received) {
                    verifiers.get(path).verify(request.body(), request.headers());
                }
            }
            long sentByB = instanceB.output().stream()
                    .filter(line -> line.contains("Sent ") && line.contains("webhook deliveries"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll(".*Sent (\\d+) webhook.*", "$1"))).sum();
            System.out.println("WebhookDeliveryIT: of " + 2 * EVENTS + " deliveries, instance B sent " + sentByB
                    + " and instance A " + (2 * EVENTS - sentByB));
        }
    }

    /** How many of the subscription's deliveries are delivered in one attempt, read through the instance at port. */
    private static long delivered(int port, long subscription) {
        long count = 0;
        String cursor = null;
        do {
            var request = given().port(port).auth().oauth2(TestTokens.editor()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            count += items.stream().filter(item -> "delivered".equals(item.get("status"))
                    && Integer.valueOf(1).equals(item.get("attempts"))).count();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
