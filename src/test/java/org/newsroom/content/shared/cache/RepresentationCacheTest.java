package org.newsroom.content.shared.cache;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.support.EndpointCalls;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.MovableClock;
import org.newsroom.content.support.Notifications;
import org.newsroom.content.support.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The representation cache (README: The representation cache): public reads answered from memory with the bytes and
 * headers the endpoint gave, without a statement; stale the moment what they show changes, through this instance or
 * any other writer (PostgreSQL's notifications); never for private views; and dropped while the notifications cannot
 * reach the instance.
 */
@QuarkusTest
class RepresentationCacheTest {

    /** The headers that describe a representation, which a cached answer must repeat exactly. */
    private static final List<String> DESCRIBING = List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control",
            "Vary", "Link", "X-Content-Type-Options", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers");
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    /** RestAssured without its own decompression: the bytes as they came. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    SessionFactory sessionFactory;

    @Inject
    RepresentationCache cache;

    @Inject
    AgroalDataSource database;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void answersEveryPublicRepresentationFromMemoryAsTheEndpointDid() {
        long id = article("Remembered", "published");
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Reader", "body", "First"))
                .post("/api/v1/articles/{id}/comments", id).then().statusCode(201);
        String section = given().get("/api/v1/articles/{id}", id).then().extract().path("section");
        // The fixtures' notifications arrive a few milliseconds after their commits: not between two reads below.
        Notifications.settle(cache, database);
        List<Supplier<Response>> reads = List.of(
                () -> given().header("Origin", "https://reader.example").get("/api/v1/articles/{id}", id),
                () -> given().accept("text/plain").get("/api/v1/articles/{id}", id),
                () -> given().get("/api/v1/articles/{id}/comments", id),
                () -> given().accept("text/plain").get("/api/v1/articles/{id}/comments", id),
                () -> given().get("/api/v1/articles/{id}/paragraphs", id),
                () -> given().queryParam("section", section).queryParam("limit", 1).get("/api/v1/articles"),
                () -> given().get("/api/v1/sections"),
                () -> given().queryParam("section", section).get("/feeds/articles.rss"),
                () -> given().queryParam("section", section).get("/feeds/articles.json"));
        for (Supplier<Response> read : reads) {
            cache.everythingChanged();
            Response built = read.get();
            assertEquals(200, built.statusCode(), built.asString());
            long[] statements = new long[1];
            long endpointCalls = EndpointCalls.count();
            Response remembered = counted(read, statements);
            assertEquals(0, statements[0], "answered from memory: " + built.getHeader("Content-Type"));
            assertEquals(endpointCalls, EndpointCalls.count(), "answered on the event loop, without an endpoint");
            assertEquals(200, remembered.statusCode());
            for (String header : DESCRIBING) {
                assertEquals(built.getHeader(header), remembered.getHeader(header), header);
            }
            assertEquals(built.asString(), remembered.asString());
        }
    }

    @Test
    void keepsTheGzipBytesAndAnswers304FromMemory() throws IOException {
        long id = article("Compressed", "published");
        Notifications.settle(cache, database);
        Response identity = given().config(RAW).get("/api/v1/articles/{id}", id);
        Response gzipped = given().config(RAW).header("Accept-Encoding", "gzip").get("/api/v1/articles/{id}", id);
        long[] statements = new long[1];
        Response again = counted(() -> given().config(RAW).header("Accept-Encoding", "gzip")
                .get("/api/v1/articles/{id}", id), statements);
        assertEquals(0, statements[0]);
        assertEquals("gzip", again.getHeader("Content-Encoding"));
        assertEquals("gzip", gzipped.getHeader("Content-Encoding"));
        assertArrayEquals(identity.asByteArray(), gunzip(again.asByteArray()));
        assertEquals(identity.getHeader("Vary"), again.getHeader("Vary"));
        Response plain = given().config(RAW).header("Accept-Encoding", "identity").get("/api/v1/articles/{id}", id);
        assertNull(plain.getHeader("Content-Encoding"));
        assertArrayEquals(identity.asByteArray(), plain.asByteArray());

        String etag = identity.getHeader("ETag");
        Response revalidated = counted(() -> given().header("If-None-Match", etag).get("/api/v1/articles/{id}", id),
                statements);
        assertEquals(0, statements[0]);
        assertEquals(304, revalidated.statusCode());
        assertEquals(etag, revalidated.getHeader("ETag"));
        assertEquals(identity.getHeader("Cache-Control"), revalidated.getHeader("Cache-Control"));
        assertEquals(identity.getHeader("Last-Modified"), revalidated.getHeader("Last-Modified"));
        assertEquals(identity.getHeader("Vary"), revalidated.getHeader("Vary"));
        assertNull(revalidated.getHeader("Content-Type"));
        assertEquals(304, given().header("If-Modified-Since", identity.getHeader("Last-Modified"))
                .get("/api/v1/articles/{id}", id).statusCode());
        assertEquals(200, given().header("If-None-Match", "\"other\"").get("/api/v1/articles/{id}", id).statusCode());
    }

    @Test
    void aWriteThroughThisInstanceIsReadAtOnce() {
        long id = article("Before", "published");
        String before = given().get("/api/v1/articles/{id}", id).then().extract().header("ETag");
        given().get("/api/v1/articles/{id}", id).then().header("ETag", before);
        given().auth().oauth2(TestTokens.editor()).contentType("application/merge-patch+json")
                .header("If-Match", before).body(Map.of("headline", "After")).patch("/api/v1/articles/{id}", id)
                .then().statusCode(200);
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).header("ETag", not(equalTo(before)))
                .body("headline", equalTo("After"));

        given().get("/api/v1/articles/{id}/comments", id).then().statusCode(200).body("items.authorName",
                not(hasItem("Newcomer")));
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Newcomer", "body", "Hello"))
                .post("/api/v1/articles/{id}/comments", id).then().statusCode(201);
        given().get("/api/v1/articles/{id}/comments", id).then().statusCode(200).body("items.authorName",
                hasItem("Newcomer"));
    }

    @Test
    void aChangeMadeInSqlByHandIsSeenThroughPostgresNotifications() throws SQLException {
        long id = article("By hand", "published");
        given().get("/api/v1/articles/{id}", id).then().body("headline", equalTo("By hand"));
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE article SET headline = 'Changed by hand', version = version + 1 WHERE id = ?")) {
            update.setLong(1, id);
            assertEquals(1, update.executeUpdate());
        }
        awaitHeadline(id, "Changed by hand");
        // As a logical replication subscriber applies changes: the triggers fire ALWAYS.
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement replica = connection
                    .prepareStatement("SET LOCAL session_replication_role = replica");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE article SET headline = 'Changed by a replica', version = version + 1 WHERE id = ?")) {
                replica.execute();
                update.setLong(1, id);
                assertEquals(1, update.executeUpdate());
            }
            connection.commit();
        }
        awaitHeadline(id, "Changed by a replica");
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'Representation cache' }"
                + ".data.serving", equalTo(true));
    }

    @Test
    void privateViewsAreNeverKeptNorServedFromMemory() {
        long id = article("Draft only", "draft");
        String editor = TestTokens.editor();
        long[] statements = new long[1];
        for (int i = 0; i < 2; i++) {
            counted(() -> given().auth().oauth2(editor).get("/api/v1/articles/{id}", id), statements);
            assertTrue(statements[0] > 0, "an editor's read goes to the database each time");
        }
        given().get("/api/v1/articles/{id}", id).then().statusCode(404);

        long published = article("Public", "published");
        given().get("/api/v1/articles/{id}", published).then().statusCode(200);
        counted(() -> given().auth().oauth2(editor).get("/api/v1/articles/{id}", published), statements);
        assertTrue(statements[0] > 0, "an editor never gets the readers' cached answer");
    }

    @Test
    void aListExpiresWhenTheNextScheduledArticleGoesLive() {
        String section = Fixtures.unique("scheduled");
        Fixtures.createArticle(Map.of("headline", "Now", "section", section, "status", "published", "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Now"))));
        Fixtures.createArticle(Map.of("headline", "Later", "section", section, "status", "published", "publishedAt",
                Instant.now().plus(Duration.ofHours(1)).toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Later"))));
        Notifications.settle(cache, database);
        given().queryParam("section", section).get("/api/v1/articles").then().body("items.headline",
                equalTo(List.of("Now")));
        long[] statements = new long[1];
        // Kept until the scheduled article goes live. Another test's scheduled article going live meanwhile (their
        // times are real) rightly expires every list once: the next read is kept again.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            counted(() -> given().queryParam("section", section).get("/api/v1/articles"), statements);
            return statements[0] == 0;
        });

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        given().queryParam("section", section).get("/api/v1/articles").then().body("items.headline",
                equalTo(List.of("Later", "Now")));
    }

    @Test
    void dropsEverythingWhileItCannotListenAndServesAgainOnceItDoes() throws SQLException {
        long id = article("Listener", "published");
        given().get("/api/v1/articles/{id}", id).then().statusCode(200);
        assertTrue(cache.serving());
        try (Connection connection = database.getConnection();
                PreparedStatement kill = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, ChangeListener.applicationName());
            kill.executeQuery();
        }
        long[] statements = new long[1];
        boolean[] servedFromDatabase = new boolean[1];
        // Until the listener is back (it retries every second): each read meanwhile goes to the database.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            counted(() -> given().get("/api/v1/articles/{id}", id), statements);
            servedFromDatabase[0] |= statements[0] > 0;
            return servedFromDatabase[0] && cache.serving();
        });
        assertTrue(servedFromDatabase[0], "after the listening connection dropped, reads went to the database");
        given().get("/api/v1/articles/{id}", id).then().statusCode(200);
        counted(() -> given().get("/api/v1/articles/{id}", id), statements);
        assertEquals(0, statements[0], "served from memory again");
    }

    @Test
    void aRepresentationReadBeforeAChangeIsNeverKeptAfterIt() {
        CacheKey key = new CacheKey("/race", null, null);
        Ticket ticket = cache.ticket(key);
        ticket.dependOn(Dependency.article(42_424_242L));
        // The change is announced while the request is still building what it read before the change.
        cache.articleChanged(42_424_242L);
        cache.store(ticket, answer(ticket));
        assertNull(cache.find(key), "built from rows read before the change: not kept");

        Ticket after = cache.ticket(key);
        after.dependOn(Dependency.article(42_424_242L));
        cache.store(after, answer(after));
        assertTrue(cache.find(key) != null, "built after the change: kept");
        cache.commentsChanged(42_424_242L);
        assertTrue(cache.find(key) != null, "an article's own representation does not show its comments");
        cache.articleChanged(42_424_242L);
        assertNull(cache.find(key));
    }

    @Test
    void readsGzipAcceptanceAsRfc9110Says() {
        assertTrue(CachedReads.acceptsGzip("gzip, deflate, br"));
        assertTrue(CachedReads.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertTrue(CachedReads.acceptsGzip("*"));
        assertFalse(CachedReads.acceptsGzip("gzip;q=0"));
        assertFalse(CachedReads.acceptsGzip("*, gzip;q=0.000"));
        assertFalse(CachedReads.acceptsGzip("identity"));
        assertFalse(CachedReads.acceptsGzip(null));
    }

    private static CachedAnswer answer(Ticket ticket) {
        return new CachedAnswer(new byte[]{'{', '}'}, null, new String[]{"content-type", "application/json"},
                new Version("t", null, false), ticket.dependency(), ticket.builtAt(), null, null);
    }

    private void awaitHeadline(long id, String headline) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < PROPAGATION.toNanos()) {
            if (headline.equals(given().get("/api/v1/articles/{id}", id).then().extract().path("headline"))) {
                return;
            }
        }
        fail("the change was not served within " + PROPAGATION);
    }

    private Response counted(Supplier<Response> request, long[] statements) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Response response = request.get();
        statements[0] = statistics.getPrepareStatementCount();
        return response;
    }

    private static long article(String headline, String status) {
        return Fixtures
                .createArticle(Map.of("headline", headline, "section", Fixtures.unique("cache"), "status", status,
                        "paragraphs", List.of(Map.of("type", "paragraph", "text", "Body of " + headline))))
                .jsonPath().getLong("id");
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
