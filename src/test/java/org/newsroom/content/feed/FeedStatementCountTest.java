package org.newsroom.content.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.cache.RepresentationCache;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.Notifications;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No N+1 in the feeds: the rows in one statement, the paragraphs of all of them in one more, and a revalidation
 * reads no paragraph. Counted with Hibernate's statistics, so in-process only (not in FeedResourceIT).
 */
@QuarkusTest
class FeedStatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    RepresentationCache cache;

    @Inject
    AgroalDataSource database;

    @Test
    void readsAFeedOfTwentyArticlesInTwoStatementsAndRevalidatesItInOne() {
        String section = Fixtures.unique("feed");
        for (int i = 0; i < 20; i++) {
            Fixtures.createArticle(Map.of("headline", "Counted " + i, "section", section, "status", "published",
                    "publishedAt", Instant.parse("2024-03-01T00:00:00Z").plusSeconds(i).toString(), "paragraphs",
                    List.of(Map.of("type", "paragraph", "text", "First " + i),
                            Map.of("type", "heading", "text", "Heading " + i),
                            Map.of("type", "paragraph", "text", "Last " + i))));
        }
        for (String path : List.of("/feeds/articles.rss", "/feeds/articles.atom", "/feeds/articles.json")) {
            long statements = countUncached(
                    () -> given().queryParam("section", section).get(path).then().statusCode(200));
            assertEquals(2, statements, path + " took " + statements + " statements");
            String etag = given().queryParam("section", section).get(path).then().extract().header("ETag");
            long revalidation = countUncached(() -> given().queryParam("section", section).header("If-None-Match", etag)
                    .get(path).then().statusCode(304));
            assertEquals(1, revalidation, "a 304 of " + path + " took " + revalidation + " statements");
        }
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
