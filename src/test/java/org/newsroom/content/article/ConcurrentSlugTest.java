package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Writers racing for one slug, released together by a barrier: the check for a free slug and the insert are two
 * statements, so two writers can both find it free. The database's unique constraint decides: one is stored and the
 * others get a 409 {@code CONFLICT}, never a 5xx. A slug made from the headline is the same for writers that send the
 * same headline at the same instant: those refused get a free one when they send again (docs/http-api.md).
 */
@QuarkusTest
class ConcurrentSlugTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 5;

    @TestHTTPResource("/api/v1/articles")
    URL articles;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anExplicitSlugIsStoredOnceAndTheOthersGetA409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String slug = Fixtures.unique("raced-slug");
            Map<Integer, Integer> statuses = race(writer -> "{\"headline\":\"Raced " + writer + "\",\"slug\":\"" + slug
                    + "\",\"paragraphs\":[{\"type\":\"paragraph\",\"text\":\"Body.\"}]}");
            assertEquals(1, statuses.getOrDefault(201, 0), "one stored, round " + round + ": " + statuses);
            assertEquals(WRITERS - 1, statuses.getOrDefault(409, 0),
                    "the others 409, round " + round + ": " + statuses);
        }
    }

    @Test
    void aSlugFromTheHeadlineIsMadeUniqueForEachWriter() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String headline = Fixtures.unique("Raced headline");
            Map<Integer, Integer> statuses = race(writer -> "{\"headline\":\"" + headline
                    + "\",\"paragraphs\":[{\"type\":\"paragraph\",\"text\":\"Body.\"}]}");
            assertTrue(statuses.getOrDefault(201, 0) >= 1, "at least one stored, round " + round + ": " + statuses);
            assertEquals(WRITERS, statuses.getOrDefault(201, 0) + statuses.getOrDefault(409, 0),
                    "only 201 or 409, round " + round + ": " + statuses);
            // A writer refused because another took the slug at that instant gets a free one when it sends again.
            String again = Fixtures.createArticle(Map.of("headline", headline, "paragraphs",
                    List.of(Map.of("type", "paragraph", "text", "Body.")))).jsonPath().getString("slug");
            assertTrue(again.startsWith(Slugs.fromHeadline(headline) + "-"), again);
        }
    }

    @Test
    void articlesRenamedToOneSlugAtOnceGetItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String slug = Fixtures.unique("renamed-slug");
            List<HttpRequest> renames = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                var created = Fixtures.draftArticle();
                renames.add(HttpRequest.newBuilder(URI.create(articles + "/" + created.jsonPath().getLong("id")))
                        .header("Authorization", "Bearer " + TestTokens.editor())
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", created.header("ETag"))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}")).build());
            }
            Map<Integer, Integer> statuses = send(renames);
            assertEquals(1, statuses.getOrDefault(200, 0), "one renamed, round " + round + ": " + statuses);
            assertEquals(WRITERS - 1, statuses.getOrDefault(409, 0),
                    "the others 409, round " + round + ": " + statuses);
        }
    }

    /** Sends one POST per writer at the same instant; answers the count of each status. */
    private Map<Integer, Integer> race(java.util.function.IntFunction<String> body) throws Exception {
        List<HttpRequest> posts = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            posts.add(HttpRequest.newBuilder(URI.create(articles.toString()))
                    .header("Authorization", "Bearer " + TestTokens.editor())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(writer))).build());
        }
        return send(posts);
    }

    /** Sends the requests at the same instant, one thread each; answers the count of each status. */
    private Map<Integer, Integer> send(List<HttpRequest> requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService writers = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (HttpRequest request : requests) {
                answers.add(writers.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    System.out.println("5xx: " + response.body());
                }
            }
            return statuses;
        } finally {
            writers.shutdownNow();
        }
    }
}
