package org.newsroom.content.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With production's address rules: https only, public addresses only, at creation and again at every attempt. */
@QuarkusTest
@TestProfile(WebhookAddressRulesTest.ProductionRules.class)
class WebhookAddressRulesTest {

    public static class ProductionRules implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.webhooks.allow-http", "false", "content.webhooks.allow-private-addresses", "false",
                    "content.webhooks.max-attempts", "1");
        }
    }

    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Inject
    AgroalDataSource database;

    @Inject
    WebhookWorker worker;

    @Test
    void refusesSubscriptionsToAddressesThatAreNotPublic() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
                "https://10.0.0.5/hook", "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
                "https://[::ffff:127.0.0.1]/hook")) {
            problem(create(url), "VALIDATION_FAILED", WEBHOOKS).body("errors.field", equalTo(List.of("url")))
                    .body("errors[0].message", containsString("content.webhooks.allow-private-addresses"));
        }
    }

    @Test
    void refusesHttpWhenNotAllowed() {
        problem(create("http://93.184.216.34/hook"), "VALIDATION_FAILED", WEBHOOKS)
                .body("errors.field", equalTo(List.of("url")))
                .body("errors[0].message", equalTo("must be an https URL"));
    }

    /**
     * A host whose address changed to a private one after the subscription was made (DNS rebinding) is refused at
     * send time: the attempt fails without a connection. The subscription is written by hand, as if made when its
     * host was public.
     */
    @Test
    void refusesALoopbackAddressAtSendTime() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long subscription;
            long event;
            try (Connection connection = database.getConnection()) {
                Instant now = Instant.now();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_subscription (url,"
                        + " event_types, secret, created_at) VALUES (?, ARRAY['article.deleted'], ?, ?) RETURNING id")) {
                    insert.setString(1, receiver.url("/rebound").replace("http:", "https:"));
                    insert.setString(2, StandardWebhooks.newSecret());
                    insert.setTimestamp(3, Timestamp.from(now));
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        subscription = id.getLong(1);
                    }
                }
                event = OutboxRows.articleEvent(connection, "article.deleted", 501, now, now);
            }
            try {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    worker.run();
                    given().auth().oauth2(TestTokens.editor()).get(WEBHOOKS + "/" + subscription + "/deliveries").then()
                            .statusCode(200)
                            .body("items[0].eventId", equalTo((int) event)).body("items[0].status", equalTo("failed"))
                            .body("items[0].attempts", equalTo(1))
                            .body("items[0].lastError", containsString("a loopback address"));
                });
                assertTrue(receiver.received("/rebound").isEmpty(), "no connection was made");
            } finally {
                given().auth().oauth2(TestTokens.editor()).delete(WEBHOOKS + "/" + subscription).then()
                        .statusCode(204);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse create(String url) {
        return given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("article.published"))).post(WEBHOOKS).then();
    }
}
