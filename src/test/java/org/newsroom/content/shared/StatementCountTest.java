package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.cache.RepresentationCache;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.Notifications;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No N+1: each read is a fixed number of SQL statements whatever the size of what it reads. Counted with
 * Hibernate's statistics (on in the test profile), so this runs in-process only, not against the packaged jar.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    RepresentationCache cache;

    @Inject
    AgroalDataSource database;

    @Test
    void readsOneArticleInTwoStatementsWhateverItsParagraphCount() {
        for (int size : List.of(1, 60)) {
            List<Map<String, String>> blocks = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                blocks.add(Map.of("type", "paragraph", "text", "Block " + i));
            }
            long id = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Read"), "status", "published",
                    "paragraphs", blocks)).jsonPath().getLong("id");
            long statements = countUncached(() -> given().get("/api/v1/articles/{id}", id).then().statusCode(200));
            assertEquals(2, statements, "an article of " + size + " blocks");
            assertEquals(2, countUncached(() -> given().accept("text/plain").get("/api/v1/articles/{id}", id).then()
                    .statusCode(200)), "the text of an article of " + size + " blocks");
        }
    }

    @Test
    void revalidatesAnArticleInOneStatementWithoutLoadingItsParagraphs() {
        var created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Revalidated"), "status", "published",
                "paragraphs", List.of(Map.of("type", "paragraph", "text", "Body"))));
        long id = created.jsonPath().getLong("id");
        String etag = given().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        assertEquals(1,
                countUncached(() -> given().header("If-None-Match", etag).get("/api/v1/articles/{id}", id).then()
                        .statusCode(304)));
    }

    @Test
    void readsAListPageInOneStatementWhateverItsLength() {
        String section = Fixtures.unique("count");
        for (int i = 0; i < 25; i++) {
            Fixtures.createArticle(Map.of("headline", "Row " + i, "section", section, "status", "published",
                    "publishedAt", Instant.parse("2024-03-01T00:00:00Z").plusSeconds(i).toString(), "paragraphs",
                    List.of(Map.of("type", "paragraph", "text", "Excerpt " + i))));
        }
        for (int limit : List.of(1, 20)) {
            long statements = countUncached(() -> given().queryParam("section", section).queryParam("limit", limit)
                    .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(limit)));
            assertEquals(1, statements, "a list page of " + limit + " took " + statements + " statements");
        }
    }

    @Test
    void readsImagesAndLeadImagesInTheSameStatements() {
        String section = Fixtures.unique("imgcount");
        Map<String, Object> lead = Map.of("src", "https://images.example/lead.jpg", "alt", "Lead", "width", 4,
                "height", 3);
        long id = 0;
        for (int i = 0; i < 5; i++) {
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                blocks.add(Map.of("type", "image", "image", Map.of("src", "https://images.example/" + j + ".jpg",
                        "alt", "Picture " + j, "caption", "Caption " + j)));
                blocks.add(Map.of("type", "paragraph", "text", "Block " + j));
            }
            id = Fixtures.createArticle(Map.of("headline", "Pictures " + i, "section", section, "status", "published",
                    "publishedAt", Instant.parse("2024-03-01T00:00:00Z").plusSeconds(i).toString(), "leadImage", lead,
                    "paragraphs", blocks)).jsonPath().getLong("id");
        }
        long article = id;
        assertEquals(2, countUncached(() -> given().get("/api/v1/articles/{id}", article).then().statusCode(200)
                .body("paragraphs", hasSize(20))), "an article of 10 images and 10 paragraphs");
        assertEquals(2, countUncached(() -> given().accept("text/plain").get("/api/v1/articles/{id}", article).then()
                .statusCode(200)), "its text");
        assertEquals(2, countUncached(() -> given().queryParam("type", "image")
                .get("/api/v1/articles/{id}/paragraphs", article).then().statusCode(200).body("items", hasSize(10))),
                "its image blocks");
        assertEquals(1, countUncached(() -> given().queryParam("section", section).get("/api/v1/articles").then()
                .statusCode(200).body("items", hasSize(5))), "a list page of articles with lead images");
    }

    @Test
    void readsACommentPageInTwoStatementsAThreadInThreeAndTheParagraphsInTwo() {
        long articleId = Fixtures.publishedArticle(Fixtures.unique("count")).jsonPath().getLong("id");
        int root = 0;
        for (int i = 0; i < 12; i++) {
            int id = given().contentType(ContentType.JSON).body(Map.of("authorName", "R" + i, "body", "Comment " + i))
                    .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201).extract().path("id");
            root = root == 0 ? id : root;
        }
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("authorName", "Re", "body", "Reply", "parentId", root))
                    .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201);
        }
        assertEquals(2, countUncached(() -> given().get("/api/v1/articles/{id}/comments?limit=10", articleId).then()
                .statusCode(200)));
        int thread = root;
        // The thread's root, its article, and the replies.
        assertEquals(3, countUncached(() -> given().get("/api/v1/comments/{id}/replies", thread).then().statusCode(200)
                .body("items", hasSize(5))));
        assertEquals(2, countUncached(() -> given().get("/api/v1/articles/{id}/paragraphs", articleId).then()
                .statusCode(200)));
    }

    /**
     * A comment POST is a fixed number of statements, however many comments its client has made before: the key's lock
     * and its lookup (a stale answer, when there is one, is removed by one more); the article; the client's lock and
     * one bounded read of its last hour (both rate windows); the insert; its outbox event; the key's answer: 8. A reply
     * adds its parent's read, the thread's lock and its recount: 11. The repeat rule, off in the test profile, adds one read.
     */
    @Test
    void postsACommentInAFixedNumberOfStatementsWhateverTheClientsHistory() {
        long articleId = Fixtures.publishedArticle(Fixtures.unique("count")).jsonPath().getLong("id");
        List<Long> topLevel = new ArrayList<>();
        List<Long> replies = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            // This client's history grows by 40 comments a round.
            for (int i = 0; i < 40; i++) {
                given().contentType(ContentType.JSON).body(Map.of("authorName", "History", "body", "Earlier " + i))
                        .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201);
            }
            long[] root = new long[1];
            topLevel.add(count(() -> root[0] = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("authorName", "Counted", "body", "Top level")).post("/api/v1/articles/{id}/comments",
                            articleId)
                    .then().statusCode(201).extract().jsonPath().getLong("id")));
            replies.add(count(() -> given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("authorName", "Counted", "body", "A reply", "parentId", root[0]))
                    .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201)));
        }
        assertEquals(List.of(8L, 8L, 8L), topLevel, "a top-level comment");
        assertEquals(List.of(11L, 11L, 11L), replies, "a reply");
    }

    /**
     * The statements of a read the representation cache does not answer: the read once (so that the next scheduled
     * publication is known, see RepresentationCacheTest), then everything dropped from memory, then the read counted.
     */
    private long countUncached(Runnable request) {
        Notifications.settle(cache, database);
        request.run();
        cache.everythingChanged();
        return count(request);
    }

    private long count(Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
