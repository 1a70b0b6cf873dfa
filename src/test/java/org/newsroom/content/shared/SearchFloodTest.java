package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.openapi.OpenApiResponseFilter;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A flood of searches that each rank a few hundred matching articles and highlight a hundred of them, from more
 * clients at once than the database pool has connections, while one reader keeps reading an article. The expensive
 * reads are limited (here to 2 at once, on a pool of 3 connections, so that one is left for everything else): a search
 * over the limit is refused at once with a 503 OVERLOADED and Retry-After, and the cheap read never waits long for a
 * connection. (Without the limit, the reads of this flood wait one to two seconds for one.)
 */
@QuarkusTest
@TestProfile(SearchFloodTest.TwoExpensiveReadsOnASmallPool.class)
class SearchFloodTest {

    public static class TwoExpensiveReadsOnASmallPool implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.limits.expensive-reads", "2", "quarkus.datasource.jdbc.max-size", "3");
        }
    }

    /** The word every flood article shares (and a few other tests' articles too: they only add matches). */
    private static final String COMMON_WORD = "harbour";
    private static final int ARTICLES = 300;
    /** More searchers than the production pool has connections (16), and far more than this profile's 3. */
    private static final int SEARCHERS = 24;
    private static final Duration FLOOD_FOR = Duration.ofSeconds(6);
    /** What a refused searcher waits before it asks again: far less than the Retry-After it was given. */
    private static final Duration READ_WITHIN = Duration.ofSeconds(1);
    private static final String ARTICLES_PATH = "/api/v1/articles";
    private static final String BUSY_DETAIL = "Too many requests of this kind are running right now; retry shortly";
    private static final String[] WORDS = {"the", "ferry", "crossed", "at", "dawn", "while", "fishermen", "mended",
            "nets", "along", "quay", "council", "said", "tide", "tables", "would", "change", "next", "week", "pilots",
            "waited", "for", "fog", "to", "lift", "over", "breakwater", "cranes", "stood", "idle", "during", "strike",
            "and", "lighthouse", "keeper", "counted", "gulls", "on", "old", "pier"};

    private final HttpClient searchers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void refusesSearchesOverTheLimitWith503OverloadedWhileEveryArticleReadIsServedWithinASecond() throws Exception {
        createFloodArticles();
        URI search = uri(ARTICLES_PATH + "?q=" + COMMON_WORD + "&limit=100");
        long article = Fixtures.publishedArticle(Fixtures.unique("flood")).jsonPath().getLong("id");
        URI read = uri(ARTICLES_PATH + "/" + article);
        // Warm both paths up, and check that a search really has a hundred articles to highlight.
        given().queryParam("q", COMMON_WORD).queryParam("limit", 100).get(ARTICLES_PATH).then().statusCode(200)
                .body("items", hasSize(100));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get(reader, read).statusCode());
        }

        List<String> failures = new CopyOnWriteArrayList<>();
        Map<Refusal, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicInteger served = new AtomicInteger();
        AtomicLong servedNanos = new AtomicLong();
        AtomicLong refusedNanos = new AtomicLong();
        List<Long> readMillis = new CopyOnWriteArrayList<>();
        Instant stopAt = Instant.now().plus(FLOOD_FOR);

        ExecutorService clients = Executors.newFixedThreadPool(SEARCHERS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SEARCHERS; s++) {
            int searcher = s;
            running.add(clients.submit(() -> {
                while (Instant.now().isBefore(stopAt)) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> answer = get(searchers, search);
                    long took = System.nanoTime() - start;
                    if (answer.statusCode() == 200) {
                        served.incrementAndGet();
                        servedNanos.addAndGet(took);
                    } else if (answer.statusCode() == 503) {
                        // Checked whole after the flood: the refusals are all alike, and checking is slow.
                        refusals.computeIfAbsent(refusal(answer), r -> new AtomicInteger()).incrementAndGet();
                        refusedNanos.addAndGet(took);
                        // At once again: the service pauses its refusals, so this is no hot loop.
                    } else {
                        failures.add("searcher " + searcher + ": " + answer.statusCode() + " " + text(answer));
                    }
                }
                return null;
            }));
        }
        running.add(clients.submit(() -> {
            while (Instant.now().isBefore(stopAt)) {
                long start = System.nanoTime();
                HttpResponse<byte[]> answer = get(reader, read);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                readMillis.add(millis);
                if (answer.statusCode() != 200) {
                    failures.add("reader: " + answer.statusCode() + " " + text(answer));
                }
                if (millis >= READ_WITHIN.toMillis()) {
                    failures.add("reader: an article read took " + millis + " ms");
                }
            }
            return null;
        }));
        for (Future<?> client : running) {
            client.get(FLOOD_FOR.toSeconds() + 60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<String, Integer> refusedByDetail = new LinkedHashMap<>();
        for (var refusal : refusals.entrySet()) {
            RawHttp.Response answer = refusal.getKey().answer();
            String detail = problem(answer, "OVERLOADED", ARTICLES_PATH).getString("detail");
            String retryAfter = answer.header("Retry-After");
            assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After " + retryAfter);
            refusedByDetail.merge(detail, refusal.getValue().get(), Integer::sum);
        }
        int refused = refusedByDetail.values().stream().mapToInt(Integer::intValue).sum();
        List<Long> reads = readMillis.stream().sorted().toList();
        System.out.printf(Locale.ROOT,
                "%s: %d searches served (%.0f ms on average), %d refused (%.0f ms on average) %s;"
                        + " %d article reads, median %d ms, slowest %d ms%n",
                getClass().getSimpleName(), served.get(), average(servedNanos.get(), served.get()), refused,
                average(refusedNanos.get(), refused), refusedByDetail, reads.size(),
                reads.isEmpty() ? -1 : reads.get(reads.size() / 2), reads.isEmpty() ? -1 : reads.get(reads.size() - 1));
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures);
        assertTrue(refusedByDetail.containsKey(BUSY_DETAIL),
                "some searches must be refused for being over the limit: " + refusedByDetail);
        assertTrue(served.get() > 0, "some searches must be served");
        assertTrue(readMillis.size() > 10, "the article was read only " + readMillis.size() + " times");
    }

    @Test
    void refusesASearchForOnlyAnExclusionWithA400ProblemNamingQ() {
        problem(given().queryParam("q", "-zzzz").get(ARTICLES_PATH).then(), "VALIDATION_FAILED", ARTICLES_PATH)
                .body("detail", equalTo("1 field is invalid")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message",
                        equalTo("must name a word to find; exclusions (-word) only narrow a search"));
    }

    /**
     * {@value #ARTICLES} published articles of four long paragraphs each, sharing {@link #COMMON_WORD}, made through
     * the API by a few clients at once (once per JVM: the tests of a JVM share its database).
     */
    private static synchronized void createFloodArticles() throws Exception {
        if (Boolean.getBoolean("search-flood.articles-made")) {
            return;
        }
        String section = Fixtures.unique("flood");
        Instant publishedAt = Instant.now().minusSeconds(86_400);
        ExecutorService makers = Executors.newFixedThreadPool(3);
        List<Future<?>> made = new ArrayList<>();
        for (int a = 0; a < ARTICLES; a++) {
            int n = a;
            made.add(makers.submit(() -> Fixtures.createArticle(Map.of("headline",
                    "Harbour report " + n + " " + section, "section", section, "status", "published", "publishedAt",
                    publishedAt.plusSeconds(n).toString(), "paragraphs",
                    List.of(paragraph(n, 0), paragraph(n, 1), paragraph(n, 2), paragraph(n, 3))))));
        }
        for (Future<?> article : made) {
            article.get(5, TimeUnit.MINUTES);
        }
        makers.shutdown();
        System.setProperty("search-flood.articles-made", "true");
    }

    /** About 150 words of harbour news, different for each article and paragraph, the common word every tenth. */
    private static Map<String, String> paragraph(int article, int paragraph) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 150; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(w % 10 == 9 ? COMMON_WORD : WORDS[(article * 7 + paragraph * 13 + w * 3) % WORDS.length]);
        }
        return Map.of("type", "paragraph", "text", text.append('.').toString());
    }

    private static double average(long nanos, int count) {
        return count == 0 ? 0.0 : nanos / 1e6 / count;
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static HttpResponse<byte[]> get(HttpClient client, URI uri) {
        try {
            HttpResponse<byte[]> answer = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            OpenApiResponseFilter.check(answer);
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        }
    }

    /** What a client sees of a refusal: its body and the headers that matter, equal for equal refusals. */
    private record Refusal(String body, String contentType, String retryAfter) {

        /** The answer as {@link RawHttp} reads one, for {@code ProblemAssertions}. */
        RawHttp.Response answer() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("content-type", contentType);
            }
            if (retryAfter != null) {
                headers.put("retry-after", retryAfter);
            }
            return new RawHttp.Response(503, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Refusal refusal(HttpResponse<byte[]> answer) {
        return new Refusal(new String(answer.body(), StandardCharsets.UTF_8),
                answer.headers().firstValue("Content-Type").orElse(null),
                answer.headers().firstValue("Retry-After").orElse(null));
    }

    private static String text(HttpResponse<byte[]> answer) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
