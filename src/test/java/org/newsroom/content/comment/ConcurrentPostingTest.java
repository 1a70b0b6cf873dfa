package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Idempotent posting under pressure, with the JDK's HttpClient against the running test instance: 20 posters for a
 * bounded time, a third of their requests sent again with the same key (an answer lost on the way), some sent twice
 * at the same instant, some keys reused with another body. In the end the stored comments are exactly the distinct
 * keys that got a 201, none twice, and nothing answered a 5xx.
 */
@QuarkusTest
class ConcurrentPostingTest {

    private static final int POSTERS = 20;
    private static final Duration RUN_FOR = Duration.ofSeconds(6);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void storesExactlyOneCommentPerKeyThatGotA201() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("pressure")).jsonPath().getLong("id");
        URI endpoint = URI.create("http://localhost:" + RestAssured.port + "/api/v1/articles/" + article + "/comments");

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
            running.add(posters.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(stopAt)) {
                    String key = UUID.randomUUID().toString();
                    String body = "{\"authorName\":\"Poster " + me + "\",\"body\":\"Message " + me + "-" + n++
                            + "\"}";
                    int dice = ThreadLocalRandom.current().nextInt(6);
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
                            failures.add("reused key answered " + reused.statusCode() + ": " + reused.body());
                        }
                    }
                    for (HttpResponse<String> answer : answers) {
                        requests.incrementAndGet();
                        int status = answer.statusCode();
                        if (status >= 500) {
                            failures.add(status + " " + answer.body());
                        } else if (status == 201) {
                            createdIdsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(idOf(answer));
                            if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                                replays.incrementAndGet();
                            }
                        } else if (status != 409 && status != 422) {
                            failures.add(status + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> poster : running) {
            poster.get();
        }
        posters.shutdown();

        assertEquals(List.of(), failures);
        assertTrue(replays.get() > 0, "some retries must have been replayed");
        assertTrue(reusedKeyRefusals.get() > 0, "some reused keys must have been refused");
        for (var entry : createdIdsByKey.entrySet()) {
            assertEquals(1, entry.getValue().size(), "key " + entry.getKey() + " made " + entry.getValue());
        }
        Set<Long> answered = new HashSet<>();
        createdIdsByKey.values().forEach(answered::addAll);
        List<Long> stored = storedCommentIds(article);
        assertEquals(stored.size(), new HashSet<>(stored).size(), "a comment listed twice");
        assertEquals(answered, new HashSet<>(stored));
        assertEquals(createdIdsByKey.size(), stored.size());
        System.out.printf("%d requests, %d keys stored, %d replays, %d reused keys refused%n", requests.get(),
                stored.size(), replays.get(), reusedKeyRefusals.get());
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
