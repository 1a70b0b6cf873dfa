package org.newsroom.content.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The webhook reads are a fixed number of statements, whatever the number of deliveries: a subscription or the list of
 * them one, a page of deliveries two (the subscription, the page). In-process only (Hibernate's statistics), like
 * StatementCountTest; the worker's schedule is off in tests, so nothing else runs meanwhile.
 */
@QuarkusTest
class WebhookStatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource database;

    @Inject
    WebhookWorker worker;

    @Test
    void eachWebhookReadIsAFixedNumberOfStatements() throws Exception {
        long id = editor().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/counted", "eventTypes", List.of("comment.deleted")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            int made = 0;
            for (int deliveries : List.of(1, 30)) {
                try (Connection connection = database.getConnection()) {
                    Instant now = Instant.now();
                    for (; made < deliveries; made++) {
                        OutboxRows.articleEvent(connection, "comment.deleted", 700 + made, now, now);
                    }
                }
                int expected = deliveries;
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    worker.fanOut();
                    return editor().queryParam("limit", 100).get("/api/v1/webhooks/{id}/deliveries", id).then()
                            .extract().jsonPath().getList("items").size() == expected;
                });
                assertEquals(1, count(() -> editor().get("/api/v1/webhooks").then().statusCode(200)),
                        "the list with " + deliveries);
                assertEquals(1, count(() -> editor().get("/api/v1/webhooks/{id}", id).then().statusCode(200)),
                        "one with " + deliveries);
                assertEquals(2, count(() -> editor().queryParam("limit", 100)
                        .get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                        .body("items", hasSize(expected))), "the deliveries, " + deliveries);
                assertEquals(2, count(() -> editor().queryParam("limit", 2).get("/api/v1/webhooks/{id}/deliveries", id)
                        .then().statusCode(200)), "a page of 2 of " + deliveries);
            }
        } finally {
            editor().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        }
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    private long count(Runnable request) {
        request.run();
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
