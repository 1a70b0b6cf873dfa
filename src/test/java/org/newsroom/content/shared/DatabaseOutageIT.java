package org.newsroom.content.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.EmbeddedPostgres;
import org.newsroom.content.support.DedicatedDatabase;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.ProblemAssertions;
import org.newsroom.content.support.RawHttp;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * PostgreSQL goes away for a few seconds under load and comes back, and the packaged service rides it out: while the
 * database is gone every answer is a quick 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, readiness is
 * DOWN and liveness stays UP (nobody restarts the service); once it is back the service answers 2xx again on its
 * own, and clients that retry their unanswered posts with the same {@code Idempotency-Key} end up with exactly one
 * comment each. The database is this test's own ({@link DedicatedDatabase}): stopping the shared one would break
 * every other test of the run.
 */
@QuarkusIntegrationTest
@WithTestResource(DedicatedDatabase.class)
class DatabaseOutageIT {

    private static final int CLIENTS = 3;
    /**
     * The phases move on events, not on time: the outage begins after this many 2xx answers, and PostgreSQL comes
     * back once every client has had a 503 from the outage and readiness has said DOWN.
     */
    private static final int WARM_UP_ANSWERS = 20;
    /** After PostgreSQL is back, the clients go on until each has had this many 2xx in a row: it stays back. */
    private static final int BACK_IN_A_ROW = 10;
    /** The longest any phase may take before the test fails. */
    private static final Duration PHASE_AT_MOST = Duration.ofSeconds(30);
    private static final int RETRIES_AT_MOST = 20;
    /** The longest an answer may take while the database is gone. */
    private static final Duration QUICK_ANSWER = Duration.ofSeconds(3);
    /** From PostgreSQL taking connections again to the service answering 2xx, with no restart. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(5);
    private static final Duration PAUSE_BETWEEN_REQUESTS = Duration.ofMillis(50);
    private static final Duration HEALTH_EVERY = Duration.ofMillis(200);
    private static final String BODY_PREFIX = "Outage comment ";
    private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]*");

    /** One answer, with when its request was sent and when the answer was read (System.nanoTime). */
    private record Answer(String who, String method, String path, String key, long sent, long read,
            RawHttp.Response response, String error) {

        int status() {
            return response == null ? -1 : response.status();
        }

        boolean is2xx() {
            return status() >= 200 && status() < 300;
        }

        Duration took() {
            return Duration.ofNanos(read - sent);
        }

        @Override
        public String toString() {
            String body = response == null ? error : response.bodyText();
            return who + " " + method + " " + path + (key == null ? "" : " key " + key) + ": " + status() + " in "
                    + took().toMillis() + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** When the outage began and ended, as System.nanoTime. */
    private static final class Timeline {

        volatile long pauseAsked = Long.MAX_VALUE;
        volatile long paused = Long.MAX_VALUE;
        volatile long resumeAsked = Long.MAX_VALUE;
        volatile long resumed = Long.MAX_VALUE;

        /** Sent after PostgreSQL was down and answered before it was asked to come back. */
        boolean duringOutage(Answer answer) {
            return answer.sent() >= paused && answer.read() <= resumeAsked;
        }

        boolean beforeOutage(Answer answer) {
            return answer.read() <= pauseAsked;
        }

        boolean afterOutage(Answer answer) {
            return answer.sent() >= resumed;
        }

        String phase(Answer answer) {
            return beforeOutage(answer)
                    ? "before"
                    : duringOutage(answer)
                            ? "during"
                            : afterOutage(answer)
                                    ? "after"
                                    : "in between";
        }
    }

    /** What the clients and the probe have seen, counted down as they see it, so that the test waits on events. */
    private static final class Phases {

        final CountDownLatch warmedUp = new CountDownLatch(WARM_UP_ANSWERS);
        final CountDownLatch outageSeen = new CountDownLatch(CLIENTS + 1);
        final CountDownLatch backAgain = new CountDownLatch(CLIENTS + 1);
        private final Timeline timeline;
        private final Map<String, Boolean> seenDown = new ConcurrentHashMap<>();
        private final Map<String, Boolean> seenBack = new ConcurrentHashMap<>();

        Phases(Timeline timeline) {
            this.timeline = timeline;
        }

        void clientAnswered(String who, Answer answer, AtomicInteger inARow) {
            if (answer.is2xx() && timeline.beforeOutage(answer)) {
                warmedUp.countDown();
            }
            if (answer.status() == 503 && answer.sent() >= timeline.paused && seenDown.put(who, true) == null) {
                outageSeen.countDown();
            }
            if (answer.sent() >= timeline.resumed) {
                int row = answer.is2xx() ? inARow.incrementAndGet() : reset(inARow);
                if (row >= BACK_IN_A_ROW && seenBack.put(who, true) == null) {
                    backAgain.countDown();
                }
            }
        }

        void readinessAnswered(Answer ready) {
            if (ready.status() == 503 && ready.sent() >= timeline.paused && seenDown.put("probe", true) == null) {
                outageSeen.countDown();
            }
            if (ready.status() == 200 && ready.sent() >= timeline.resumed && seenBack.put("probe", true) == null) {
                backAgain.countDown();
            }
        }

        void await(CountDownLatch latch, String what) throws InterruptedException {
            assertTrue(latch.await(PHASE_AT_MOST.toSeconds(), TimeUnit.SECONDS),
                    "not within " + PHASE_AT_MOST.toSeconds() + " s: " + what);
        }

        private static int reset(AtomicInteger inARow) {
            inARow.set(0);
            return 0;
        }
    }

    @Test
    void answersQuick503sWhileTheDatabaseIsGoneAndLosesNoCommentWhenClientsRetry() throws Exception {
        long startedAt = System.nanoTime();
        EmbeddedPostgres database = DedicatedDatabase.server();
        int port = RestAssured.port;
        long article = Fixtures.publishedArticle(Fixtures.unique("outage")).jsonPath().getLong("id");
        String articlePath = "/api/v1/articles/" + article;
        String commentsPath = articlePath + "/comments";
        Timeline timeline = new Timeline();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<Answer> health = new CopyOnWriteArrayList<>();
        // Every key a client sent, with the client, and the keys that got a 201.
        Map<String, String> keys = new ConcurrentHashMap<>();
        Map<String, String> createdKeys = new ConcurrentHashMap<>();
        Phases phases = new Phases(timeline);

        assertEquals(200, get("setup", port, "/q/health/ready").status(), "ready before the outage");

        // The scheduler paces the clients and the health probe; each run of a task is one round of requests.
        ScheduledExecutorService pacing = Executors.newScheduledThreadPool(CLIENTS + 1);
        for (int c = 0; c < CLIENTS; c++) {
            String who = "client-" + c;
            AtomicInteger inARow = new AtomicInteger();
            pacing.scheduleWithFixedDelay(() -> {
                String key = UUID.randomUUID().toString();
                keys.put(key, who);
                Answer posted = post(who, port, commentsPath, key);
                if (posted.status() == 201) {
                    createdKeys.put(key, who);
                }
                for (Answer answer : List.of(posted, get(who, port, articlePath))) {
                    answers.add(answer);
                    phases.clientAnswered(who, answer, inARow);
                }
            }, 0, PAUSE_BETWEEN_REQUESTS.toMillis(), TimeUnit.MILLISECONDS);
        }
        pacing.scheduleWithFixedDelay(() -> {
            Answer ready = get("probe", port, "/q/health/ready");
            health.add(ready);
            phases.readinessAnswered(ready);
            health.add(get("probe", port, "/q/health/live"));
        }, 0, HEALTH_EVERY.toMillis(), TimeUnit.MILLISECONDS);

        try {
            phases.await(phases.warmedUp, "clients answered before the outage");
            timeline.pauseAsked = System.nanoTime();
            database.pause();
            timeline.paused = System.nanoTime();
            phases.await(phases.outageSeen, "every client answered 503 and readiness DOWN during the outage");
            timeline.resumeAsked = System.nanoTime();
            database.resume();
            timeline.resumed = System.nanoTime();
            phases.await(phases.backAgain, "every client back to 2xx in a row and readiness UP");
        } finally {
            pacing.shutdown();
            assertTrue(pacing.awaitTermination(PHASE_AT_MOST.toSeconds(), TimeUnit.SECONDS), "clients stopped");
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);

        // Keys that got a 201 while the clients ran are stored once each, before anyone retries.
        Map<String, Integer> rows = commentRowsByKey(database, article);
        for (String key : createdKeys.keySet()) {
            assertEquals(1, rows.getOrDefault(key, 0), "rows for key " + key + ", which was answered 201");
        }

        // Each client retries, with the same key and body, every post of its own that got no 201.
        List<Answer> retries = new CopyOnWriteArrayList<>();
        Map<String, List<String>> unanswered = keys.keySet().stream().filter(key -> !createdKeys.containsKey(key))
                .collect(Collectors.groupingBy(keys::get));
        List<Future<?>> retrying = new ArrayList<>();
        for (var entry : unanswered.entrySet()) {
            retrying.add(threads.submit(() -> {
                for (String key : entry.getValue()) {
                    // PostgreSQL is back and the service answers again: a retry may still meet a pooled connection
                    // the shutdown closed (one 503 each), so a few more are allowed.
                    Answer retry;
                    int attempts = 0;
                    do {
                        retry = post(entry.getKey(), port, commentsPath, key);
                        retries.add(retry);
                    } while (retry.status() != 201 && ++attempts < RETRIES_AT_MOST);
                    assertEquals(201, retry.status(), "retry of key " + key + ": " + retry);
                }
                return null;
            }));
        }
        for (Future<?> retry : retrying) {
            join(retry);
        }
        threads.shutdown();

        print(timeline, answers, retries, health, startedAt);

        // Nothing but 503 among the server errors, ever; no request left unanswered.
        List<Answer> everything = new ArrayList<>(answers);
        everything.addAll(retries);
        everything.addAll(health);
        assertNone(select(everything, a -> a.response() == null), "requests that got no answer");
        assertNone(select(everything, a -> a.status() >= 500 && a.status() != 503), "server errors other than 503");

        // The answers before the outage were all fine: the test measures the outage, not something else.
        assertNone(select(answers, a -> timeline.beforeOutage(a) && !a.is2xx()), "failures before the outage");

        // While PostgreSQL was gone: quick, complete 503 problems with Retry-After.
        List<Answer> during = select(answers, timeline::duringOutage);
        assertFalse(during.isEmpty(), "no request was answered during the outage");
        for (Answer answer : during) {
            assertTrue(answer.took().compareTo(QUICK_ANSWER) <= 0, "too slow during the outage: " + answer);
            ProblemAssertions.problem(answer.response(), "SERVICE_UNAVAILABLE", answer.path());
            String retryAfter = answer.response().header("Retry-After");
            assertTrue(retryAfter != null && SECONDS.matcher(retryAfter).matches(),
                    "Retry-After " + retryAfter + ": " + answer);
        }

        // Back on its own within BACK_WITHIN of PostgreSQL, and staying back.
        List<Answer> after = select(answers, timeline::afterOutage);
        Answer firstBack = after.stream().filter(Answer::is2xx).findFirst()
                .orElseThrow(() -> new AssertionError("no 2xx after the outage"));
        assertTrue(firstBack.read() - timeline.resumed <= BACK_WITHIN.toNanos(),
                "first 2xx " + millis(firstBack.read() - timeline.resumed) + " ms after PostgreSQL was back");
        assertNone(select(after, a -> a.sent() - timeline.resumed > BACK_WITHIN.toNanos() && !a.is2xx()),
                "failures more than " + BACK_WITHIN.toSeconds() + " s after PostgreSQL was back");

        // Readiness: DOWN while PostgreSQL was gone, UP again after; liveness UP all along.
        List<Answer> readyDuring = select(health, a -> a.path().equals("/q/health/ready") && timeline.duringOutage(a));
        assertFalse(readyDuring.isEmpty(), "readiness was not asked during the outage");
        for (Answer ready : readyDuring) {
            assertEquals(503, ready.status(), "readiness during the outage: " + ready);
            assertEquals("DOWN", JsonPath.from(ready.response().bodyText()).getString("status"), ready.toString());
        }
        Answer lastReady = health.stream().filter(a -> a.path().equals("/q/health/ready")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(timeline.afterOutage(lastReady), "no readiness answer after the outage");
        assertEquals(200, lastReady.status(), "readiness after the outage: " + lastReady);
        assertEquals("UP", JsonPath.from(lastReady.response().bodyText()).getString("status"));
        Answer readyAgain = select(health, a -> a.path().equals("/q/health/ready") && timeline.afterOutage(a)
                && a.status() == 200).get(0);
        assertTrue(readyAgain.read() - timeline.resumed <= BACK_WITHIN.toNanos(),
                "ready " + millis(readyAgain.read() - timeline.resumed) + " ms after PostgreSQL was back");
        for (Answer live : select(health, a -> a.path().equals("/q/health/live"))) {
            assertEquals(200, live.status(), "liveness (" + timeline.phase(live) + " the outage): " + live);
            assertEquals("UP", JsonPath.from(live.response().bodyText()).getString("status"), live.toString());
        }

        // In the end every key has exactly one comment, and there is no other.
        Map<String, Integer> finalRows = commentRowsByKey(database, article);
        Map<String, Integer> wrong = new TreeMap<>();
        for (String key : keys.keySet()) {
            int count = finalRows.getOrDefault(key, 0);
            if (count != 1) {
                wrong.put(key, count);
            }
        }
        assertEquals(Map.of(), wrong, "keys without exactly one comment (key=rows)");
        assertEquals(keys.keySet(), finalRows.keySet(), "comments that no key made");
    }

    /** A comment from {@code who} whose body names its key: the same key always comes with the same body. */
    private static Answer post(String who, int port, String path, String key) {
        String json = "{\"authorName\":\"" + who + "\",\"body\":\"" + BODY_PREFIX + key + "\"}";
        long sent = System.nanoTime();
        try {
            RawHttp.Response response = RawHttp.postJson("127.0.0.1", port, path, Map.of("Idempotency-Key", key), json);
            return new Answer(who, "POST", path, key, sent, System.nanoTime(), response, null);
        } catch (RuntimeException e) {
            return new Answer(who, "POST", path, key, sent, System.nanoTime(), null, e.toString());
        }
    }

    private static Answer get(String who, int port, String path) {
        long sent = System.nanoTime();
        try {
            RawHttp.Response response = RawHttp.send("127.0.0.1", port, "GET", path, Map.of(), null);
            return new Answer(who, "GET", path, null, sent, System.nanoTime(), response, null);
        } catch (RuntimeException e) {
            return new Answer(who, "GET", path, null, sent, System.nanoTime(), null, e.toString());
        }
    }

    /** The article's comments per key, counted in PostgreSQL itself (keys are stored only as hashes: bodies name them). */
    private static Map<String, Integer> commentRowsByKey(EmbeddedPostgres database, long article) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD);
                PreparedStatement query = connection
                        .prepareStatement("SELECT body, count(*) FROM comment WHERE article_id = ? GROUP BY body")) {
            query.setLong(1, article);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String body = result.getString(1);
                    String key = body.startsWith(BODY_PREFIX) ? body.substring(BODY_PREFIX.length()) : body;
                    rows.merge(key, result.getInt(2), Integer::sum);
                }
            }
        }
        return rows;
    }

    private static void join(Future<?> task) throws InterruptedException {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            fail("a test thread failed", e.getCause());
        }
    }

    /** Fails naming how many there are and the first few. */
    private static void assertNone(List<Answer> found, String what) {
        if (!found.isEmpty()) {
            fail(found.size() + " " + what + ", first: "
                    + found.stream().limit(3).map(Answer::toString).collect(Collectors.joining("; ")));
        }
    }

    private static List<Answer> select(List<Answer> answers, Predicate<Answer> which) {
        return answers.stream().filter(which).toList();
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static void print(Timeline timeline, List<Answer> answers, List<Answer> retries, List<Answer> health,
            long startedAt) {
        StringBuilder out = new StringBuilder("DatabaseOutageIT: PostgreSQL down for ")
                .append(millis(timeline.resumed - timeline.pauseAsked)).append(" ms (stop took ")
                .append(millis(timeline.paused - timeline.pauseAsked)).append(" ms, start ")
                .append(millis(timeline.resumed - timeline.resumeAsked)).append(" ms)\n");
        for (String phase : List.of("before", "during", "in between", "after")) {
            List<Answer> in = select(answers, a -> timeline.phase(a).equals(phase));
            out.append(String.format("  %-10s %4d answers by status %s, slowest %d ms%n", phase, in.size(),
                    byStatus(in), in.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0)));
        }
        long replays = retries.stream().filter(a -> a.response() != null
                && "true".equals(a.response().header("Idempotent-Replayed"))).count();
        out.append(String.format("  retries    %4d answers by status %s, %d of them replays%n", retries.size(),
                byStatus(retries), replays));
        answers.stream().filter(a -> timeline.afterOutage(a) && a.is2xx()).findFirst()
                .ifPresent(a -> out.append("  first 2xx ").append(millis(a.read() - timeline.resumed))
                        .append(" ms after PostgreSQL was back\n"));
        for (String path : List.of("/q/health/ready", "/q/health/live")) {
            for (String phase : List.of("before", "during", "in between", "after")) {
                List<Answer> in = select(health, a -> a.path().equals(path) && timeline.phase(a).equals(phase));
                out.append(String.format("  %-15s %-10s %s%n", path, phase, byStatus(in)));
            }
        }
        out.append("  total ").append(millis(System.nanoTime() - startedAt)).append(" ms");
        System.out.println(out);
    }

    private static Map<Integer, Long> byStatus(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }
}
