import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the reads that must stay fast at scale (list pages, deep pages, search, one article), against a running service loaded by bench/generate.sql.
 * One client, sequential requests after a warm-up; prints p50, p99 and throughput for each scenario.
 *
 *   java bench/Bench.java [base-url] [requests-per-scenario]      (defaults: http://localhost:8080 500)
 */
public class Bench {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String api = base + "/api/v1/articles";
        Random random = new Random(42);
        String deepCursor = cursorAtPage(api + "?limit=20", 500);
        int articles = Integer.parseInt(System.getProperty("articles", "100000"));
        String[] queries = { "harbour delegation", "ferry", "\"railway bridge\"", "storm OR rainfall",
                "minister -budget", "Pyongyang talks" };

        System.out.printf("%-34s %8s %8s %8s %10s%n", "scenario", "p50 ms", "p99 ms", "max ms", "req/s");
        run("first page", requests, i -> api);
        run("page 500 (behind a cursor)", requests, i -> api + "?limit=20&cursor=" + deepCursor);
        run("search", requests, i -> api + "?q=" + encode(queries[i % queries.length]));
        run("search + tag + date range", requests,
                i -> api + "?q=" + encode(queries[i % queries.length]) + "&tag=tag-" + (i % 50)
                        + "&from=2024-01-01&to=2025-06-30");
        run("one article by slug", requests, i -> api + "/bench-" + (1 + random.nextInt(articles)));
    }

    private static void run(String name, int requests, IntFunction<String> url) throws Exception {
        for (int i = 0; i < Math.max(50, requests / 10); i++) {
            get(url.apply(i));
        }
        double[] millis = new double[requests];
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            get(url.apply(i));
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(millis);
        System.out.printf("%-34s %8.2f %8.2f %8.2f %10.0f%n", name, percentile(millis, 50), percentile(millis, 99),
                millis[millis.length - 1], requests / seconds);
    }

    private static String cursorAtPage(String first, int page) throws Exception {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            String body = get(cursor == null ? first : first + "&cursor=" + cursor);
            Matcher next = NEXT.matcher(body);
            if (!next.find()) {
                throw new IllegalStateException("The list ends before page " + page);
            }
            cursor = next.group(1);
        }
        return cursor;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + url + ": " + response.body());
        }
        return response.body();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
