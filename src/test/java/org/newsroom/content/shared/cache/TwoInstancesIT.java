package org.newsroom.content.shared.cache;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroom.content.shared.dev.EmbeddedPostgres;
import org.newsroom.content.support.DedicatedDatabase;
import org.newsroom.content.support.PackagedApp;
import org.newsroom.content.support.PackagedAppServices;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Two packaged instances on one PostgreSQL, each with its representation cache: A is the one the framework starts,
 * B one this test starts (with a short {@code content.cache.max-age}). A write made through A, or by SQL run by hand,
 * reaches B's readers within a second, B having cached the old representation first; and when B's listening
 * connection is killed, B never serves a stale representation for longer than its bound, and listens again on its
 * own. First of all, B is shown to serve from memory: an edit with PostgreSQL's triggers off reaches it only when its
 * entry is older than its max-age. The database is this test's own ({@link DedicatedDatabase}): the test kills
 * connections in it. The measured times are printed at the end ("TwoInstancesIT propagation times").
 */
@QuarkusIntegrationTest
@WithTestResource(DedicatedDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    /** Within this, a write through one instance is served by the other (issue 12). */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    /** B's worst-case staleness (content.cache.max-age), short so that the test can wait it out. */
    private static final Duration B_MAX_AGE = Duration.ofSeconds(5);
    /** Within this, B's listening connection is back after it was killed (it retries every ~1 s). */
    private static final Duration RECONNECT_WITHIN = Duration.ofSeconds(10);
    /** How long the test goes on polling past a bound, so that a failure says how late the new version came. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration POLL_PAUSE = Duration.ofMillis(20);
    /** Reads after the first fresh one: none may be the old version again. */
    private static final int STAYS_FRESH_READS = 5;
    private static final String LISTENER_NAME = "news-content cache listener ";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static PackagedApp instanceB;
    /** Why B did not start, so that the later tests fail at once with the same reason. */
    private static AssertionError instanceBFailed;
    private static final Map<String, Long> MEASURED_MILLIS = new LinkedHashMap<>();

    @AfterAll
    static void stopInstanceBAndReport() {
        System.out.println("TwoInstancesIT propagation times (ms): " + MEASURED_MILLIS);
        if (instanceB != null) {
            instanceB.output().stream().filter(line -> line.contains("notifications") || line.contains("cache"))
                    .forEach(line -> System.out.println("TwoInstancesIT, B's log: " + line));
            instanceB.stop();
            instanceB = null;
        }
    }

    /**
     * That B serves from memory at all (else the other tests would pass without a cache): an edit PostgreSQL does not
     * announce (its notification trigger disabled for that one transaction) is not seen by B until its entry is older
     * than {@code content.cache.max-age}, the staleness bound when no notification comes.
     */
    @Test
    @Order(0)
    void bServesFromMemoryAndAnUnannouncedEditWaitsNoLongerThanItsMaxAge() throws Exception {
        int a = RestAssured.port;
        PackagedApp b = instanceB();
        awaitListener(b, Set.of(), RECONNECT_WITHIN, "after it started");
        long id = publishedArticle(a);
        String path = articlePath(id);

        RawHttp.Response before = cachedOn(b.port(), path, "B");
        String headline = unique("Edited unannounced");
        try (Connection connection = database()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE article SET headline = ?, version = version + 1 WHERE id = ?")) {
                // DDL is transactional in PostgreSQL, and ALTER TABLE locks the table until the commit: no other
                // writer runs while the trigger is off.
                statement.execute("ALTER TABLE article DISABLE TRIGGER article_change_notification");
                update.setString(1, headline);
                update.setLong(2, id);
                assertEquals(1, update.executeUpdate());
            }
            connection.commit();
            // Back on at once (the update left deferred trigger events, so not in its own transaction).
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE article ENABLE ALWAYS TRIGGER article_change_notification");
            }
        }
        long editedAt = System.nanoTime();
        RawHttp.Response fromMemory = get(b.port(), path);
        assertEquals(before.header("ETag"), fromMemory.header("ETag"),
                "B serves the version it keeps in memory: nothing told it of the edit");
        assertEquals(before.bodyText(), fromMemory.bodyText());
        assertEquals(headline, JsonPath.from(get(a, path).bodyText()).getString("headline"),
                "A, which kept nothing of this article, reads the edit from the database");

        Duration stale = awaitArticle("an unannounced edit, read on B", b.port(), path, before.header("ETag"),
                headline, editedAt, B_MAX_AGE);
        record("unannounced edit -> B (max-age " + B_MAX_AGE.toSeconds() + " s)", stale);
    }

    @Test
    @Order(1)
    void anEditThroughAIsServedByB() {
        int a = RestAssured.port;
        int b = instanceB().port();
        long id = publishedArticle(a);
        String path = articlePath(id);

        RawHttp.Response before = cachedOn(b, path, "B");
        String headline = unique("Edited through A");
        RawHttp.Response edited = patchHeadline(a, id, before.header("ETag"), headline);
        long editedAt = System.nanoTime();

        Duration took = awaitArticle("edit through A, read on B", b, path, before.header("ETag"), headline, editedAt,
                PROPAGATION);
        assertEquals(edited.header("ETag"), get(b, path).header("ETag"), "B serves A's version of the article");
        record("edit A->B", took);
    }

    @Test
    @Order(2)
    void aCommentPostedThroughAAppearsInBsList() {
        int a = RestAssured.port;
        int b = instanceB().port();
        long id = publishedArticle(a);
        String path = "/api/v1/articles/" + id + "/comments";
        String body = unique("A comment through A");

        RawHttp.Response before = cachedOn(b, path, "B");
        assertFalse(commentBodies(before).contains(body), before.bodyText());
        RawHttp.Response posted = RawHttp.postJson("127.0.0.1", a, path, Map.of(),
                "{\"authorName\":\"Two Instances\",\"body\":\"" + body + "\"}");
        assertEquals(201, posted.status(), posted.bodyText());
        long postedAt = System.nanoTime();

        Duration took = awaitFresh("comment through A, listed on B", b, path,
                answer -> commentBodies(answer).contains(body), postedAt, PROPAGATION);
        assertNotEquals(before.header("ETag"), get(b, path).header("ETag"), "the list has a new ETag");
        record("comment A->B", took);
    }

    @Test
    @Order(3)
    void afterItsListeningConnectionIsKilledBIsNeverStaleLongerThanTheBoundAndListensAgain() throws Exception {
        int a = RestAssured.port;
        PackagedApp b = instanceB();
        long id = publishedArticle(a);
        String path = articlePath(id);
        Set<Integer> killed = Set.copyOf(awaitListener(b, Set.of(), RECONNECT_WITHIN, "before the kill"));

        RawHttp.Response before = cachedOn(b.port(), path, "B");
        long killedAt = System.nanoTime();
        int terminated = terminateListener(b);
        assertTrue(terminated >= 1, "pg_terminate_backend ended B's listening connection");
        String headline = unique("Edited while B lost its listener");
        patchHeadline(a, id, before.header("ETag"), headline);
        long editedAt = System.nanoTime();

        Duration stale = awaitArticle("edit through A after B's listener was killed, read on B", b.port(), path,
                before.header("ETag"), headline, editedAt, B_MAX_AGE);
        record("edit A->B, listener killed", stale);

        awaitListener(b, killed, RECONNECT_WITHIN, "after the kill");
        record("B listens again after the kill", Duration.ofNanos(System.nanoTime() - killedAt));

        RawHttp.Response cachedAgain = cachedOn(b.port(), path, "B");
        String again = unique("Edited after B listens again");
        patchHeadline(a, id, cachedAgain.header("ETag"), again);
        long editedAgainAt = System.nanoTime();
        Duration took = awaitArticle("edit through A once B listens again, read on B", b.port(), path,
                cachedAgain.header("ETag"), again, editedAgainAt, PROPAGATION);
        record("edit A->B, after reconnect", took);
    }

    @Test
    @Order(4)
    void anEditBySqlIsServedByBothInstances() throws Exception {
        int a = RestAssured.port;
        int b = instanceB().port();
        long id = publishedArticle(a);
        String path = articlePath(id);

        RawHttp.Response onA = cachedOn(a, path, "A");
        RawHttp.Response onB = cachedOn(b, path, "B");
        assertEquals(onA.header("ETag"), onB.header("ETag"), "both serve the same version");
        String headline = unique("Edited by SQL");
        try (Connection connection = database();
                PreparedStatement update = connection
                        .prepareStatement("UPDATE article SET headline = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, headline);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
        long editedAt = System.nanoTime();

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("A", a);
        ports.put("B", b);
        Map<String, Duration> took = new LinkedHashMap<>();
        Map<String, RawHttp.Response> last = new HashMap<>();
        Predicate<RawHttp.Response> fresh = freshArticle(onA.header("ETag"), headline);
        poll(editedAt, PROPAGATION.plus(GRACE), () -> {
            for (Map.Entry<String, Integer> instance : ports.entrySet()) {
                if (!took.containsKey(instance.getKey())) {
                    RawHttp.Response answer = get(instance.getValue(), path);
                    long readAt = System.nanoTime();
                    last.put(instance.getKey(), answer);
                    if (fresh.test(answer)) {
                        took.put(instance.getKey(), Duration.ofNanos(readAt - editedAt));
                    }
                }
            }
            return took.size() == ports.size();
        });
        for (Map.Entry<String, Integer> instance : ports.entrySet()) {
            String name = instance.getKey();
            Duration measured = took.get(name);
            if (measured == null) {
                fail(name + " still served the version from before the SQL edit "
                        + PROPAGATION.plus(GRACE).toMillis() + " ms after it: " + describe(last.get(name)));
            }
            record("SQL edit -> " + name, measured);
            assertTrue(measured.compareTo(PROPAGATION) <= 0, name + " served the SQL edit only after "
                    + measured.toMillis() + " ms (at most " + PROPAGATION.toMillis() + " ms)");
            staysFresh("SQL edit on " + name, instance.getValue(), path, fresh);
        }
    }

    // ---- instance B

    private static synchronized PackagedApp instanceB() {
        if (instanceBFailed != null) {
            throw instanceBFailed;
        }
        if (instanceB == null) {
            Map<String, String> settings = new HashMap<>(
                    PackagedAppServices.settings(DedicatedDatabase.server().jdbcUrl()));
            settings.put("quarkus.http.port", "0");
            settings.put("content.cache.max-age", "PT" + B_MAX_AGE.toSeconds() + "S");
            try {
                instanceB = PackagedApp.start(settings);
            } catch (AssertionError e) {
                instanceBFailed = e;
                throw e;
            }
            System.out.println("TwoInstancesIT: instance A on port " + RestAssured.port + ", instance B on port "
                    + instanceB.port() + " (pid " + instanceB.pid() + ")");
        }
        return instanceB;
    }

    // ---- the listening connection, in pg_stat_activity

    /**
     * Waits for B's listening connection other than {@code gone}, once it has run a statement (its first is the
     * LISTEN); answers its backend pids.
     */
    private static List<Integer> awaitListener(PackagedApp b, Set<Integer> gone, Duration within, String when)
            throws SQLException {
        List<List<Integer>> found = new ArrayList<>(List.of(List.of()));
        try (Connection connection = database()) {
            boolean listening = poll(System.nanoTime(), within, () -> {
                found.set(0, listeners(connection, b).stream().filter(pid -> !gone.contains(pid)).toList());
                return !found.get(0).isEmpty();
            });
            if (!listening) {
                fail("No connection named '" + LISTENER_NAME + b.pid() + "' (B's listener) " + when + " within "
                        + within.toSeconds() + " s; the connections are: " + applicationNames(connection)
                        + "\nB's log:\n" + tail(b));
            }
            return found.get(0);
        }
    }

    private static List<Integer> listeners(Connection connection, PackagedApp b) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ? AND query <> ''")) {
            select.setString(1, LISTENER_NAME + b.pid());
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        }
    }

    private static int terminateListener(PackagedApp b) throws SQLException {
        try (Connection connection = database();
                PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(pid) "
                        + "FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, LISTENER_NAME + b.pid());
            int terminated = 0;
            try (ResultSet rows = terminate.executeQuery()) {
                while (rows.next()) {
                    terminated += rows.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        }
    }

    private static List<String> applicationNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT application_name, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
                        + "GROUP BY application_name ORDER BY application_name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add("'" + rows.getString(1) + "' x" + rows.getInt(2));
            }
        }
        return names;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(DedicatedDatabase.server().jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD);
    }

    // ---- reads and writes

    /** Reads {@code path} twice on the instance: the first read fills its cache, the second is served from it. */
    private static RawHttp.Response cachedOn(int port, String path, String instance) {
        RawHttp.Response first = get(port, path);
        RawHttp.Response second = get(port, path);
        assertNotNull(first.header("ETag"), "an ETag on " + instance + ": " + describe(first));
        assertEquals(first.header("ETag"), second.header("ETag"), instance + " serves the same version twice");
        assertEquals(first.bodyText(), second.bodyText(), instance + " serves the same bytes twice");
        return second;
    }

    private static Duration awaitArticle(String what, int port, String path, String oldEtag, String headline,
            long since, Duration bound) {
        return awaitFresh(what, port, path, freshArticle(oldEtag, headline), since, bound);
    }

    private static Predicate<RawHttp.Response> freshArticle(String oldEtag, String headline) {
        return answer -> answer.status() == 200 && answer.header("ETag") != null
                && !answer.header("ETag").equals(oldEtag)
                && headline.equals(JsonPath.from(answer.bodyText()).getString("headline"));
    }

    /**
     * Polls {@code path} until an answer is {@code fresh}; answers how long after {@code since} that answer was read.
     * Fails when a stale answer came to a request sent more than {@code bound} after {@code since} (the bound is on
     * serving the old version, so a request is timed from when it was sent, not from when its answer arrived on a
     * busy machine); it polls a while past the bound to say by how much. Then checks that the next reads are fresh.
     */
    private static Duration awaitFresh(String what, int port, String path, Predicate<RawHttp.Response> fresh,
            long since, Duration bound) {
        RawHttp.Response[] answer = new RawHttp.Response[1];
        long[] lastStaleSentAt = {since};
        long[] freshReadAt = new long[1];
        boolean arrived = poll(since, bound.plus(GRACE), () -> {
            long sentAt = System.nanoTime();
            answer[0] = get(port, path);
            if (fresh.test(answer[0])) {
                freshReadAt[0] = System.nanoTime();
                return true;
            }
            lastStaleSentAt[0] = sentAt;
            return false;
        });
        if (!arrived) {
            fail(what + ": still the old version " + bound.plus(GRACE).toMillis() + " ms after the write (at most "
                    + bound.toMillis() + " ms): " + describe(answer[0]));
        }
        Duration staleFor = Duration.ofNanos(lastStaleSentAt[0] - since);
        assertTrue(staleFor.compareTo(bound) <= 0, what + ": the old version was still served to a request sent "
                + staleFor.toMillis() + " ms after the write (at most " + bound.toMillis() + " ms)");
        staysFresh(what, port, path, fresh);
        return Duration.ofNanos(freshReadAt[0] - since);
    }

    private static void staysFresh(String what, int port, String path, Predicate<RawHttp.Response> fresh) {
        for (int i = 0; i < STAYS_FRESH_READS; i++) {
            RawHttp.Response again = get(port, path);
            assertTrue(fresh.test(again), what + ": the old version came back: " + describe(again));
        }
    }

    private static RawHttp.Response get(int port, String path) {
        RawHttp.Response answer = RawHttp.send("127.0.0.1", port, "GET", path, Map.of("Accept", "application/json"),
                null);
        assertEquals(200, answer.status(), "GET " + path + " on port " + port + ": " + describe(answer));
        return answer;
    }

    private static long publishedArticle(int port) {
        String body = "{\"headline\":\"" + unique("Two instances") + "\",\"status\":\"published\",\"publishedAt\":\""
                + Instant.now().minus(Duration.ofHours(1)) + "\",\"paragraphs\":[{\"type\":\"paragraph\","
                + "\"text\":\"Read on two instances.\"}]}";
        RawHttp.Response created = RawHttp.postJson("127.0.0.1", port, "/api/v1/articles", editor(), body);
        assertEquals(201, created.status(), created.bodyText());
        return JsonPath.from(created.bodyText()).getLong("id");
    }

    private static RawHttp.Response patchHeadline(int port, long id, String ifMatch, String headline) {
        Map<String, String> headers = new LinkedHashMap<>(editor());
        headers.put("If-Match", ifMatch);
        headers.put("Content-Type", MERGE_PATCH);
        RawHttp.Response patched = RawHttp.send("127.0.0.1", port, "PATCH", articlePath(id), headers,
                ("{\"headline\":\"" + headline + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, patched.status(), "PATCH through port " + port + ": " + describe(patched));
        assertEquals(headline, JsonPath.from(patched.bodyText()).getString("headline"));
        assertNotEquals(ifMatch, patched.header("ETag"), "the edit makes a new version");
        return patched;
    }

    private static Map<String, String> editor() {
        return Map.of("Authorization", "Bearer " + TestTokens.editor());
    }

    private static List<String> commentBodies(RawHttp.Response page) {
        return JsonPath.from(page.bodyText()).getList("items.body", String.class);
    }

    private static String articlePath(long id) {
        return "/api/v1/articles/" + id;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Runs {@code attempt} every {@link #POLL_PAUSE} (Awaitility) until it answers true or {@code within} has passed
     * since {@code since} (System.nanoTime); answers whether it did. What it waits for is another process (B, its
     * listening connection, PostgreSQL's notifications), which no clock of this test can move.
     */
    private static boolean poll(long since, Duration within, Callable<Boolean> attempt) {
        Duration left = Duration.ofNanos(since + within.toNanos() - System.nanoTime());
        try {
            await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL_PAUSE)
                    .atMost(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left).until(attempt);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static void record(String what, Duration took) {
        synchronized (MEASURED_MILLIS) {
            MEASURED_MILLIS.put(what, took.toMillis());
        }
    }

    private static String describe(RawHttp.Response answer) {
        if (answer == null) {
            return "(no answer)";
        }
        String body = answer.bodyText();
        return answer.status() + " ETag " + answer.header("ETag") + ": "
                + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
    }

    private static String tail(PackagedApp app) {
        List<String> lines = app.output();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
