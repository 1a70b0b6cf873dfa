package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.openapi.OpenApiResponseFilter;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Idempotent posting under pressure, with the JDK's HttpClient against the running test instance: 20 posters for a
 * bounded time, a third of their requests sent again with the same key (an answer lost on the way), some sent twice
 * at the same instant, some keys reused with another body. In the end the stored comments are exactly the distinct
 * keys that got a 201, none twice, and nothing answered a 5xx.
 * <p>
 * What each poster does is drawn from a seed, printed at the start and named in every failure: replay a run with
 * {@code -Dconcurrent-posting.seed=<seed>}. (The timing of the threads is not replayed, only their choices.)
 */
@QuarkusTest
class ConcurrentPostingTest {

    private static final int POSTERS = 20;
    private static final Duration RUN_FOR = Duration.ofSeconds(6);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final String SEED_PROPERTY = "concurrent-posting.seed";

    @TestHTTPResource("/api/v1/articles/")
    URL articles;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void storesExactlyOneCommentPerKeyThatGotA201() throws Exception {
        long seed = seed();
        String run = "seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + ")";
        System.out.println(getClass().getSimpleName() + ": " + run);
        long article = Fixtures.publishedArticle(Fixtures.unique("pressure")).jsonPath().getLong("id");
        URI endpoint = articles.toURI().resolve(article + "/comments");

        Map<String, Set<Long>> createdIdsByKey = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger reusedKeyRefusals = new AtomicInteger();
        Instant stopAt = Instant.now().plus(RUN_FOR);

        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        List<Future<?>> running = new ArrayList<>();
        for (int poster = 0; poster < POSTERS; poster++) {
            int me = poster;
            Random random = new Random(posterSeed(seed, me));
            running.add(posters.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(stopAt)) {
                    String key = new UUID(random.nextLong(), random.nextLong()).toString();
                    String body = "{\"authorName\":\"Poster " + me + "\",\"body\":\"Message " + me + "-" + n++
                            + "\"}";
                    int dice = random.nextInt(6);
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    if (dice == 0) {
                        // Twice at the same instant: one runs, the other waits its turn or is told it is in flight.
                        var first = http.sendAsync(post(endpoint, key, body), HttpResponse.BodyHandlers.ofString());
                        var second = http.sendAsync(post(endpoint, key, body), HttpResponse.BodyHandlers.ofString());
                        answers.add(first.join());
                        answers.add(second.join());
                    } else {
                        answers.add(send(post(endpoint, key, body)));
                        if (dice <= 2) {
                            // A third of the time the answer was "lost": the client sends the same request again.
                            answers.add(send(post(endpoint, key, body)));
                        }
                    }
                    if (dice == 5) {
                        // The same key with another body is refused, and stores nothing.
                        HttpResponse<String> reused = send(
                                post(endpoint, key, body.replace("Message", "Changed message")));
                        answers.add(reused);
                        if (reused.statusCode() == 422) {
                            reusedKeyRefusals.incrementAndGet();
                        } else if (reused.statusCode() != 409) {
                            failures.add("poster " + me + ": reused key " + key + " answered " + reused.statusCode()
                                    + ": " + reused.body());
                        }
                    }
                    for (HttpResponse<String> answer : answers) {
                        OpenApiResponseFilter.check(answer);
                        requests.incrementAndGet();
                        int status = answer.statusCode();
                        if (status >= 500) {
                            failures.add("poster " + me + ", key " + key + ": " + status + " " + answer.body());
                        } else if (status == 201) {
                            createdIdsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(idOf(answer));
                            if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                                replays.incrementAndGet();
                            }
                        } else if (status != 409 && status != 422) {
                            failures.add("poster " + me + ", key " + key + ": " + status + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> poster : running) {
            try {
                poster.get();
            } catch (ExecutionException e) {
                throw new AssertionError(run + ": a poster failed", e.getCause());
            }
        }
        posters.shutdown();

        assertEquals(List.of(), failures, run);
        assertTrue(replays.get() > 0, run + ": some retries must have been replayed");
        assertTrue(reusedKeyRefusals.get() > 0, run + ": some reused keys must have been refused");
        for (var entry : createdIdsByKey.entrySet()) {
            assertEquals(1, entry.getValue().size(), run + ": key " + entry.getKey() + " made " + entry.getValue());
        }
        Set<Long> answered = new HashSet<>();
        createdIdsByKey.values().forEach(answered::addAll);
        List<Long> stored = storedCommentIds(article);
        assertEquals(stored.size(), new HashSet<>(stored).size(), run + ": a comment listed twice");
        assertEquals(answered, new HashSet<>(stored), run + ": the stored comments are the ones answered 201");
        assertEquals(createdIdsByKey.size(), stored.size(), run + ": one stored comment per key");
        System.out.printf("%d requests, %d keys stored, %d replays, %d reused keys refused%n", requests.get(),
                stored.size(), replays.get(), reusedKeyRefusals.get());
    }

    /** The seed named by {@code -Dconcurrent-posting.seed}, or else a fresh one. */
    private static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
    }

    /** A poster's own seed, from the run's seed and its index, mixed (SplitMix64) so that neighbours differ. */
    private static long posterSeed(long seed, int poster) {
        long z = seed + (poster + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static HttpRequest post(URI endpoint, String key, String body) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long idOf(HttpResponse<String> answer) {
        Matcher matcher = ID.matcher(answer.body());
        assertTrue(matcher.find(), answer.body());
        return Long.parseLong(matcher.group(1));
    }

    private static List<Long> storedCommentIds(long article) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/articles/{id}/comments", article).then().statusCode(200).extract()
                    .jsonPath();
            page.getList("items.id", Long.class).forEach(ids::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
