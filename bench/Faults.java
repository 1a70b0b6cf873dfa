import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults and floods against a running service (started by bench/faults.sh): what clients see when PostgreSQL stops,
 * when searches or slow requests flood it, when reports and replies race, and when connections idle. Prints a
 * markdown table and writes it, with the details, to bench/FAULTS.md. Only the JDK: HTTP with java.net.http (and
 * raw sockets where a client address or a half-sent request matters), the database through psql.
 *
 *   java bench/Faults.java http://127.0.0.1:8080
 *
 * Environment (bench/faults.sh sets it): DATABASE_URL (psql), FAULTS_LOG (the service's log), PG_STOP and PG_START
 * (shell commands; without them the outage case is skipped), FAULTS_JWT_PRIVATE_KEY and FAULTS_JWT_ISSUER (editor
 * tokens), FAULTS_CASES (comma-separated subset of outage,search,slow,reports,replies,idle,timeout), FAULTS_OUT (the
 * markdown file), FAULTS_COMMAND and FAULTS_MACHINE (for that file).
 */
public class Faults {

    /** The service's pool and expensive-reads limit: its defaults, unless this run's environment changes them. */
    static final String POOL = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "16");
    static final String BULKHEAD = System.getenv().getOrDefault("CONTENT_LIMITS_EXPENSIVE_READS", "4");

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern REPLY_COUNT = Pattern.compile("\"replyCount\"\\s*:\\s*(\\d+)");
    /** Quarkus' console format: date, time, level, [logger], (thread), message. */
    static final Pattern LOG_LINE = Pattern.compile("^\\S+ \\S+ +([A-Z]+) +\\[([^\\]]+)\\] \\([^)]*\\) (.*)$");
    static final Pattern STATUS_FIELD = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    static String base;
    static InetSocketAddress server;
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final Map<String, String> rows = new LinkedHashMap<>();
    static final StringBuilder details = new StringBuilder();
    static String editorToken;
    static String loadBefore = "?";
    static String commentsArticle;
    static double quietP50 = Double.NaN, quietP99 = Double.NaN;
    static final String READER_ARTICLE = "/api/v1/articles/bench-42";
    /** Clients posting comments through the outage: each commit in flight when PostgreSQL goes is a case to handle. */
    static final int POSTERS = 6;

    public static void main(String[] args) throws Exception {
        base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        URI uri = URI.create(base);
        server = new InetSocketAddress(uri.getHost(), uri.getPort());
        Set<String> cases = cases();
        long started = System.nanoTime();
        loadBefore = loadAverage();

        editorToken = signedToken();
        commentsArticle = publishedArticle("Faults bench comments " + RUN);
        progress("setup", "comments go to " + commentsArticle + "; readers read " + READER_ARTICLE);

        if (cases.contains("outage")) {
            outage();
        }
        if (cases.contains("search")) {
            searchFlood();
        }
        if (cases.contains("slow")) {
            slowRequests();
        }
        if (cases.contains("reports")) {
            concurrentReports();
        }
        if (cases.contains("replies")) {
            concurrentReplies();
        }
        if (cases.contains("idle")) {
            idleConnections();
        }
        if (cases.contains("timeout")) {
            statementTimeout();
        }
        progress("done", String.format("all cases in %.0f s", (System.nanoTime() - started) / 1e9));
        report();
    }

    static Set<String> cases() {
        String wanted = env("FAULTS_CASES", "");
        List<String> all = List.of("outage", "search", "slow", "reports", "replies", "idle", "timeout");
        if (wanted.isBlank()) {
            return Set.copyOf(all);
        }
        Set<String> chosen = Set.of(wanted.split("\\s*,\\s*"));
        for (String c : chosen) {
            if (!all.contains(c)) {
                throw new IllegalArgumentException("Unknown case " + c + "; known: " + all);
            }
        }
        return chosen;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // a. PostgreSQL stopped for 10 s

    static void outage() throws Exception {
        String stop = env("PG_STOP", ""), start = env("PG_START", "");
        String name = "PostgreSQL stopped for 10 s";
        if (stop.isBlank() || start.isBlank()) {
            rows.put(name, "not run: PG_STOP and PG_START are not set");
            return;
        }
        progress("outage", POSTERS + " posting and 2 reading clients, /q/health polled every 250 ms; 5 s before the stop");
        HttpClient http = client();
        List<Call> calls = new CopyOnWriteArrayList<>();
        List<Call> health = new CopyOnWriteArrayList<>();
        Map<String, Integer> firstAnswer = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        String marker = "faults-outage run=" + RUN + " key=";
        for (int i = 0; i < POSTERS; i++) {
            threads.add(loop(running, () -> {
                String key = UUID.randomUUID().toString();
                Call call = postComment(http, commentsArticle, key, marker + key, null, "POST");
                firstAnswer.put(key, call.status);
                calls.add(call);
                pause(50);
            }));
        }
        for (int i = 0; i < 2; i++) {
            threads.add(loop(running, () -> {
                calls.add(get(http, READER_ARTICLE, "GET"));
                pause(20);
            }));
        }
        threads.add(loop(running, () -> {
            health.add(get(http, "/q/health/ready", "ready"));
            health.add(get(http, "/q/health/live", "live"));
            pause(250);
        }));
        pause(5000);
        long logFrom = logSize();
        long down = System.nanoTime();
        progress("outage", "stopping PostgreSQL");
        shell(stop);
        long stopped = System.nanoTime();
        progress("outage", String.format("PostgreSQL stopped (%.1f s); starting it again 10 s after the stop",
                (stopped - down) / 1e9));
        pauseUntil(down + 10_000_000_000L);
        long starting = System.nanoTime();
        shell(start);
        long up = System.nanoTime();
        progress("outage", String.format("PostgreSQL accepts connections again (%.1f s after the stop); 10 s more",
                (up - down) / 1e9));
        pause(10_000);
        running.set(false);
        join(threads);
        long logTo = logSize();

        List<Call> atStop = calls.stream().filter(c -> c.end >= down && c.start < stopped).toList();
        List<Call> during = calls.stream().filter(c -> c.start >= stopped && c.start < up).toList();
        List<Call> duringRefused = during.stream().filter(c -> c.status / 100 != 2).toList();
        // A request sent shortly before the restart may wait for a connection and be served once PostgreSQL is back.
        long servedOnRestart = during.stream().filter(c -> c.status / 100 == 2 && c.end >= starting).count();
        long servedWhileDown = during.stream().filter(c -> c.status / 100 == 2 && c.end < starting).count();
        List<Call> after = calls.stream().filter(c -> c.start >= up).toList();
        List<Call> failures = calls.stream().filter(c -> c.status < 0 || (c.status >= 500 && c.status != 503)).toList();
        List<Call> during503 = during.stream().filter(c -> c.status == 503).toList();
        long with503RetryAfter = during503.stream().filter(c -> c.retryAfter != null).count();
        String retryAfters = during503.stream().map(c -> c.retryAfter).filter(v -> v != null).distinct().sorted()
                .collect(Collectors.joining(", "));
        double[] duringMs = millis(duringRefused);
        double firstOk = firstAfter(calls, up, c -> c.status / 100 == 2, null);
        double firstOkGet = firstAfter(calls, up, c -> c.status / 100 == 2, "GET");
        double firstOkPost = firstAfter(calls, up, c -> c.status / 100 == 2, "POST");

        // Every key without a 201 is sent again, as a client would, until it has one.
        List<String> unanswered = firstAnswer.entrySet().stream().filter(e -> e.getValue() != 201)
                .map(Map.Entry::getKey).sorted().toList();
        progress("outage", unanswered.size() + " of " + firstAnswer.size() + " keys had no 201; retrying them");
        int replayed = 0, retried = 0;
        Map<String, Integer> retryStatuses = new TreeMap<>();
        for (String key : unanswered) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Call call = postComment(http, commentsArticle, key, marker + key, null, "POST");
                retried++;
                if (call.status == 201) {
                    if ("true".equals(call.header("Idempotent-Replayed"))) {
                        replayed++;
                    }
                    break;
                }
                retryStatuses.merge(call.label(), 1, Integer::sum);
                pause(500);
            }
        }
        Map<String, Integer> rowsPerKey = new TreeMap<>();
        for (String body : psql("select body from comment where body like '" + marker + "%'").split("\n")) {
            if (!body.isBlank()) {
                rowsPerKey.merge(body.substring(marker.length()), 1, Integer::sum);
            }
        }
        long lost = firstAnswer.keySet().stream().filter(k -> !rowsPerKey.containsKey(k)).count();
        long duplicated = rowsPerKey.values().stream().filter(n -> n > 1).count();
        long created = firstAnswer.values().stream().filter(s -> s == 201).count();
        LogSlice log = logSlice(logFrom, logTo);

        Map<String, Integer> readyDuring = healthCounts(health, "ready", stopped, starting);
        Map<String, Integer> liveDuring = healthCounts(health, "live", stopped, starting);
        Map<String, Integer> readyAfter = healthCounts(health, "ready", up, Long.MAX_VALUE);
        Map<String, Integer> liveAfter = healthCounts(health, "live", up, Long.MAX_VALUE);
        double readyBack = firstAfter(health, up, c -> c.status == 200, "ready");

        details.append("### PostgreSQL stopped for 10 s\n\n")
                .append("- " + POSTERS + " clients post comments (each with a new Idempotency-Key and a marker in the body, 50 ms apart), 2 read `"
                        + READER_ARTICLE + "` (20 ms apart), `/q/health/ready` and `/q/health/live` are polled every 250 ms; 5 s in, `pg_ctl stop -m fast`; 10 s after it began, `pg_ctl start`; 10 s more.\n")
                .append(String.format("- PostgreSQL stopped %.1f s after `pg_ctl stop -m fast` began, accepted connections again %.1f s after it began.%n",
                        (stopped - down) / 1e9, (up - down) / 1e9))
                .append("- In flight when the stop began, or sent while `pg_ctl stop` ran: ").append(counts(atStop)).append(".\n")
                .append("- Sent while it was down (from the end of `pg_ctl stop` to the end of `pg_ctl start`): ").append(counts(during))
                .append(String.format("; %d of %d 503s with Retry-After (%s); the answers other than 2xx came in p50 %s, p99 %s, max %s; of the 2xx, %d were answered once `pg_ctl start` had begun (they waited for a connection), %d before.%n",
                        with503RetryAfter, during503.size(), retryAfters.isEmpty() ? "none" : retryAfters + " s",
                        ms(percentile(duringMs, 50)), ms(percentile(duringMs, 99)), ms(max(duringMs)), servedOnRestart,
                        servedWhileDown))
                .append("  - article GETs: ").append(counts(only(during, "GET"))).append("; comment POSTs: ")
                .append(counts(only(during, "POST"))).append('\n')
                .append(String.format("- First 2xx after PostgreSQL was back: %s (GET %s, POST %s). Requests sent after it was back: %s.%n",
                        ms(firstOk), ms(firstOkGet), ms(firstOkPost), counts(after)))
                .append("- 5xx other than 503, and requests without an answer, in the whole run: ")
                .append(failures.isEmpty() ? "none" : counts(failures)).append(".\n")
                .append(String.format("- Keys: %d posted, %d answered 201 at once, %d retried after recovery (%d requests; %d of them answered as a replay of a stored comment; other answers to retries: %s); rows by marker: %d keys stored, %d lost, %d stored twice or more.%n",
                        firstAnswer.size(), created, unanswered.size(), retried, replayed,
                        retryStatuses.isEmpty() ? "none" : retryStatuses, rowsPerKey.size(), lost, duplicated))
                .append(String.format("- The service's log from the stop to 10 s after the recovery: %d ERROR lines, %d WARN lines, %d stack traces.%n",
                        log.errors, log.warnings, log.stackTraces));
        for (String line : log.samples) {
            details.append("  - `").append(line.replace('`', '\'')).append("`\n");
        }
        double[] readyDownMs = millis(health.stream().filter(c -> c.kind.equals("ready") && c.start >= stopped && c.start < starting).toList());
        details.append("- `/q/health/ready` while down (polls sent from the end of `pg_ctl stop` to the start of `pg_ctl start`): ").append(readyDuring)
                .append(String.format(" in p50 %s, max %s", ms(percentile(readyDownMs, 50)), ms(max(readyDownMs)))).append(", after: ").append(readyAfter)
                .append(String.format(" (first UP %s after PostgreSQL was back)", secs(readyBack)))
                .append("; `/q/health/live` while down: ").append(liveDuring).append(", after: ").append(liveAfter)
                .append(".\n\n");

        rows.put("PostgreSQL stopped for 10 s", String.format(
                "while down: %s%s, in p50 %s / max %s%s; in flight at the stop: %s; first 2xx %s after it was back; "
                        + "%d keys posted: %d lost, %d duplicated (%d retried after recovery); log: %d ERROR, %d WARN lines, %d stack traces; "
                        + "ready %s while down, %s after; live %s",
                counts(duringRefused), during503.isEmpty() ? ""
                        : " (" + (with503RetryAfter == during503.size() ? "all" : with503RetryAfter + " of " + during503.size())
                                + " with Retry-After" + (retryAfters.isEmpty() ? "" : ": " + retryAfters) + ")",
                ms(percentile(duringMs, 50)), ms(max(duringMs)),
                servedOnRestart + servedWhileDown == 0 ? ""
                        : " (and " + (servedOnRestart + servedWhileDown) + " 2xx, " + servedOnRestart
                                + " of them served as PostgreSQL came back)",
                counts(atStop), ms(firstOk), firstAnswer.size(), lost, duplicated, unanswered.size(), log.errors,
                log.warnings, log.stackTraces, upDown(readyDuring), upDown(readyAfter),
                upDown(merge(liveDuring, liveAfter))));
        progress("outage", rows.get("PostgreSQL stopped for 10 s"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // b. 50 concurrent searches that match every article

    static void searchFlood() throws Exception {
        String word = commonWord();
        HttpClient reader = client();
        progress("search", "quiet run: one client reads " + READER_ARTICLE + " for 5 s");
        List<Call> quiet = readFor(reader, READER_ARTICLE, 5_000);
        double[] quietMs = millis(quiet);
        quietP50 = percentile(quietMs, 50);
        quietP99 = percentile(quietMs, 99);
        progress("search", "quiet: p50 " + ms(quietP50) + ", p99 " + ms(quietP99) + "; now 50 concurrent searches for '"
                + word + "' (limit=100) for 10 s, each sent again as soon as it is answered");
        String search = "/api/v1/articles?q=" + word + "&limit=100";
        Flood rude = flood(50, 10_000, i -> search, reader, false, false);
        progress("search", "again for 10 s, with clients that wait as long as Retry-After says before the next search");
        Flood polite = flood(50, 10_000, i -> search, reader, false, true);
        String name = "50 concurrent searches that match every article (" + articleCount() + " articles)";
        details.append("### ").append(name).append("\n\n")
                .append("- The word: `").append(word).append("`, in ").append(matchCount(word))
                .append(" of the published articles; `GET /api/v1/articles?q=").append(word)
                .append("&limit=100` from 50 clients for 10 s; first each client sends its next search as soon as it has an answer, then each waits as long as a 503's Retry-After says.\n")
                .append(String.format("- One reader, one article (`%s`), one request after another, alone: p50 %s, p99 %s (%d requests).%n",
                        READER_ARTICLE, ms(quietP50), ms(quietP99), quiet.size()));
        String rudeSaw = searchFloodSaw(rude, "resending at once");
        String politeSaw = searchFloodSaw(polite, "honouring Retry-After");
        rows.put(name, "other readers' article GETs alone: p50 " + ms(quietP50) + ", p99 " + ms(quietP99) + ". "
                + rudeSaw + ". " + politeSaw);
        progress("search", rows.get(name));
    }

    static String searchFloodSaw(Flood flood, String clients) {
        double[] loadedMs = millis(flood.reader);
        double[] searchOk = millis(flood.calls.stream().filter(c -> c.status == 200).toList());
        long ok = flood.calls.stream().filter(c -> c.status == 200).count();
        long refused = flood.calls.stream().filter(c -> c.status == 503).count();
        long refusedRetry = flood.calls.stream().filter(c -> c.status == 503 && c.retryAfter != null).count();
        long other = flood.calls.size() - ok - refused;
        details.append(String.format("- Clients %s: the reader saw p50 %s, p99 %s, max %s (%s); searches: %s (%.0f a second), %d of %d 503s with Retry-After, the 200s in p50 %s, p99 %s.%n",
                clients, ms(percentile(loadedMs, 50)), ms(percentile(loadedMs, 99)), ms(max(loadedMs)),
                counts(flood.reader), counts(flood.calls), flood.calls.size() / flood.seconds, refusedRetry, refused,
                ms(percentile(searchOk, 50)), ms(percentile(searchOk, 99))));
        if (clients.startsWith("honouring")) {
            details.append('\n');
        }
        return String.format("Searchers %s: article GETs p50 %s, p99 %s, %s; searches %d× 200 (p50 %s), %d× 503 OVERLOADED (%s with Retry-After), %d other",
                clients, ms(percentile(loadedMs, 50)), ms(percentile(loadedMs, 99)), counts(flood.reader), ok,
                ms(percentile(searchOk, 50)), refused, refused == 0 ? "–" : refusedRetry == refused ? "all" : refusedRetry + "",
                other);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // c. 64 concurrent slow requests

    static void slowRequests() throws Exception {
        HttpClient reader = client();
        if (Double.isNaN(quietP50)) {
            double[] quiet = millis(readFor(reader, READER_ARTICLE, 5_000));
            quietP50 = percentile(quiet, 50);
            quietP99 = percentile(quiet, 99);
        }
        slow(reader, "64 concurrent feed requests (`/feeds/articles.rss`, bulkhead " + BULKHEAD + ", pool " + POOL + ")", "/feeds/articles.rss");
        slow(reader, "64 concurrent article list pages (`limit=100`, no bulkhead, pool " + POOL + ")", "/api/v1/articles?limit=100");
        // Nothing the service runs now holds a connection long by itself: the slowest a request can be is a statement
        // that waits, here on a lock, until the statement timeout cancels it.
        Process locker = lock("comment", 9);
        slow(reader, "64 concurrent comment lists stuck behind a lock (each holds a connection until the statement timeout, pool "
                + POOL + ")",
                "/api/v1/articles/" + commentsArticle + "/comments");
        locker.waitFor(30, TimeUnit.SECONDS);
    }

    /** Another session holds an ACCESS EXCLUSIVE lock on the table for this long (psql); answers once it is taken. */
    static Process lock(String table, int seconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(psqlCommand("BEGIN; LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE; "
                + "SELECT pg_sleep(" + seconds + "); COMMIT;")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process locker = builder.start();
        for (int i = 0; i < 50 && Integer.parseInt(psql("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                + " where c.relname = '" + table + "' and l.mode = 'AccessExclusiveLock' and l.granted")) == 0; i++) {
            pause(100);
        }
        return locker;
    }

    static void slow(HttpClient reader, String name, String path) throws Exception {
        progress("slow", name + ": 8 s, with one reader and /q/health/ready polled every 250 ms");
        Flood flood = flood(64, 8_000, i -> path, reader, true, false);
        double[] readerMs = millis(flood.reader);
        double[] okMs = millis(flood.calls.stream().filter(c -> c.status == 200).toList());
        long refused = flood.calls.stream().filter(c -> c.status == 503).count();
        long refusedRetry = flood.calls.stream().filter(c -> c.status == 503 && c.retryAfter != null).count();
        Map<String, Integer> ready = healthCounts(flood.health, "ready", 0, Long.MAX_VALUE);
        double[] readyMs = millis(flood.health);
        details.append("### ").append(name).append("\n\n")
                .append(String.format("- `GET %s`, 64 clients, each sending the next request as soon as it has an answer, 8 s: %s (%.0f a second); %d of %d 503s with Retry-After; the 200s took p50 %s, p99 %s.%n",
                        path, counts(flood.calls), flood.calls.size() / flood.seconds, refusedRetry, refused,
                        ms(percentile(okMs, 50)), ms(percentile(okMs, 99))))
                .append(String.format("- The reader of `%s`: p50 %s, p99 %s, max %s (quiet: p50 %s, p99 %s); %s.%n",
                        READER_ARTICLE, ms(percentile(readerMs, 50)), ms(percentile(readerMs, 99)), ms(max(readerMs)),
                        ms(quietP50), ms(quietP99), counts(flood.reader)))
                .append(refused == 0 ? "" : "- The 503s said: " + details503(flood.calls) + ".\n")
                .append(flood.reader.stream().anyMatch(c -> c.status == 503) ? "- The reader's 503s said: " + details503(flood.reader) + ".\n" : "")
                .append(String.format("- `/q/health/ready`: %s, answered in p50 %s, max %s.%n%n", ready,
                        ms(percentile(readyMs, 50)), ms(max(readyMs))));
        rows.put(name, String.format(
                "other readers' article GETs p50 %s, p99 %s, max %s (alone %s / %s), %s; the flood: %d× 200 (p50 %s), %d× 503 OVERLOADED (%s with Retry-After), %d other; /q/health/ready %s",
                ms(percentile(readerMs, 50)), ms(percentile(readerMs, 99)), ms(max(readerMs)), ms(quietP50),
                ms(quietP99), counts(flood.reader), flood.calls.stream().filter(c -> c.status == 200).count(),
                ms(percentile(okMs, 50)), refused, refused == 0 ? "–" : refusedRetry == refused ? "all" : refusedRetry + "",
                flood.calls.stream().filter(c -> c.status != 200 && c.status != 503).count(), upDownDetail(ready)));
        progress("slow", rows.get(name));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // d. 10 clients report the same comment at once, 20 comments

    static void concurrentReports() throws Exception {
        HttpClient http = client();
        int comments = 20, reporters = 10;
        progress("reports", "posting " + comments + " comments, then " + comments * reporters
                + " reports at once from 127.0.0.11 to 127.0.0." + (10 + reporters));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            Call call = postComment(http, commentsArticle, UUID.randomUUID().toString(),
                    "faults-report run=" + RUN + " comment " + i, null, "POST");
            ids.add(commentId(call));
        }
        record Report(long comment, int reporter, String key) {
        }
        List<Report> reports = new ArrayList<>();
        for (long id : ids) {
            for (int r = 0; r < reporters; r++) {
                reports.add(new Report(id, r, UUID.randomUUID().toString()));
            }
        }
        Map<Report, Call> first = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Report report : reports) {
            threads.add(started(() -> {
                await(go);
                first.put(report, sendReport(report.comment, report.reporter, report.key));
            }));
        }
        go.countDown();
        join(threads);
        List<Call> firstCalls = new ArrayList<>(first.values());
        // Whatever was not a 202 is sent again with the same key, as a client told to retry would.
        int retried = 0;
        Map<String, Integer> retryAnswers = new TreeMap<>();
        for (Report report : reports) {
            if (first.get(report).status == 202) {
                continue;
            }
            retried++;
            for (int attempt = 0; attempt < 10; attempt++) {
                Call call = sendReport(report.comment, report.reporter, report.key);
                retryAnswers.merge(call.label(), 1, Integer::sum);
                if (call.status == 202) {
                    break;
                }
                pause(call.retryAfter != null ? Math.min(2000, 1000L * Long.parseLong(call.retryAfter)) : 500);
            }
        }
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        int stored = Integer.parseInt(psql("select count(*) from comment_report where comment_id in (" + idList + ")"));
        String[] counted = psql("select c.report_count || ' ' || (select count(*) from comment_report r where r.comment_id = c.id)"
                + " || ' ' || c.status from comment c where c.id in (" + idList + ")").split("\n");
        int exact = 0;
        int countSum = 0;
        List<String> off = new ArrayList<>();
        for (String line : counted) {
            String[] parts = line.trim().split(" ");
            countSum += Integer.parseInt(parts[0]);
            if (parts[0].equals(parts[1]) && parts[1].equals(String.valueOf(reporters))) {
                exact++;
            } else {
                off.add("report_count " + parts[0] + ", rows " + parts[1] + ", " + parts[2]);
            }
        }
        double[] firstMs = millis(firstCalls);
        String name = "10 clients report the same comment at once (20 comments)";
        details.append("### ").append(name).append("\n\n")
                .append(String.format("- %d reports sent at once (each client from its own address, 127.0.0.11 to .%d, each with an Idempotency-Key); `CONTENT_COMMENTS_REPORTS_TO_HOLD` set to 1,000,000 for the run, so no report holds a comment and all %d must count.%n",
                        reports.size(), 10 + reporters, reports.size()))
                .append(String.format("- First answers: %s, in p50 %s, max %s.%n", counts(firstCalls),
                        ms(percentile(firstMs, 50)), ms(max(firstMs))))
                .append(String.format("- Sent again with the same key: %d (answers: %s).%n", retried,
                        retryAnswers.isEmpty() ? "none" : retryAnswers))
                .append(String.format("- Stored: %d report rows of %d; `report_count` equal to the rows and to %d on %d of %d comments (sum %d)%s.%n%n",
                        stored, reports.size(), reporters, exact, comments, countSum,
                        off.isEmpty() ? "" : "; the others: " + off));
        rows.put(name, String.format("%s; %d retried with the same key; %d of %d reports stored, report_count exact on %d of %d comments",
                counts(firstCalls), retried, stored, reports.size(), exact, comments));
        progress("reports", rows.get(name));
    }

    static Call sendReport(long comment, int reporter, String key) {
        String body = "{\"reason\":\"spam\",\"detail\":\"faults run " + RUN + "\"}";
        return raw("127.0.0." + (11 + reporter), "POST", "/api/v1/comments/" + comment + "/reports",
                Map.of("Content-Type", "application/json", "Idempotency-Key", key), body, 20_000, "report");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // e. 10 concurrent replies to one comment

    static void concurrentReplies() throws Exception {
        HttpClient http = client();
        int rounds = 3, replies = 10;
        progress("replies", rounds + " rounds of " + replies + " replies at once to a new comment");
        List<Call> all = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<String> compact = new ArrayList<>();
        int exactRounds = 0, retried = 0;
        for (int round = 1; round <= rounds; round++) {
            long parent = commentId(postComment(http, commentsArticle, UUID.randomUUID().toString(),
                    "faults-replies run=" + RUN + " parent " + round, null, "POST"));
            Map<Integer, Call> first = new ConcurrentHashMap<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < replies; i++) {
                keys.add(UUID.randomUUID().toString());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            final int r = round;
            for (int i = 0; i < replies; i++) {
                final int n = i;
                HttpClient own = client();
                threads.add(started(() -> {
                    await(go);
                    first.put(n, postComment(own, commentsArticle, keys.get(n),
                            "faults-replies run=" + RUN + " round " + r + " reply " + n, parent, "POST"));
                }));
            }
            go.countDown();
            join(threads);
            all.addAll(first.values());
            for (int i = 0; i < replies; i++) {
                if (first.get(i).status == 201) {
                    continue;
                }
                retried++;
                for (int attempt = 0; attempt < 10 && postComment(http, commentsArticle, keys.get(i),
                        "faults-replies run=" + RUN + " round " + r + " reply " + i, parent, "POST").status != 201; attempt++) {
                    pause(500);
                }
            }
            Call thread = get(http, "/api/v1/comments/" + parent, "GET");
            Matcher count = REPLY_COUNT.matcher(thread.body);
            String apiCount = count.find() ? count.group(1) : "?";
            String[] db = psql("select c.reply_count || ' ' || (select count(*) from comment r where r.root_id = c.id and r.status = 'published')"
                    + " from comment c where c.id = " + parent).trim().split(" ");
            boolean exact = apiCount.equals(db[1]) && db[0].equals(db[1]) && db[1].equals(String.valueOf(replies));
            exactRounds += exact ? 1 : 0;
            results.add("replyCount " + apiCount + " (column " + db[0] + ") for " + db[1] + " stored");
            compact.add(apiCount + " for " + db[1]);
        }
        String name = "10 concurrent replies to one comment (3 rounds)";
        details.append("### ").append(name).append("\n\n")
                .append("- Each round a new top-level comment, then 10 replies to it at once (10 clients, each with an Idempotency-Key); whatever was not a 201 sent again with the same key.\n")
                .append("- First answers: ").append(counts(all)).append(String.format("; %d retried.%n", retried))
                .append("- Rounds: ").append(String.join("; ", results)).append(".\n\n");
        rows.put(name, String.format("%s; %d retried; replyCount exact in %d of %d rounds (%s)", counts(all), retried,
                exactRounds, rounds, String.join(", ", compact)));
        progress("replies", rows.get(name));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // f. idle keep-alive connections and slow-header clients

    static void idleConnections() throws Exception {
        int idle = 200, slowHeaders = 20;
        long wait = 45_000;
        progress("idle", "opening " + idle + " connections that send nothing and " + slowHeaders
                + " that send half a request header; watching them for 45 s");
        record Watched(String kind, Socket socket, long opened, long[] closedAt, String[] firstLine) {
        }
        List<Watched> watched = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < idle + slowHeaders; i++) {
            Socket socket = new Socket();
            socket.connect(server, 5_000);
            String kind = i < idle ? "idle" : "half-header";
            if (kind.equals("half-header")) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + READER_ARTICLE + " HTTP/1.1\r\nHost: " + server.getHostString() + "\r\nAccept: appl")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            Watched w = new Watched(kind, socket, System.nanoTime(), new long[] { -1 }, new String[] { null });
            watched.add(w);
            threads.add(started(() -> {
                try {
                    InputStream in = w.socket.getInputStream();
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        got.write(b);
                    }
                    String text = got.toString(StandardCharsets.ISO_8859_1);
                    w.firstLine[0] = text.isEmpty() ? "" : text.lines().findFirst().orElse("");
                } catch (IOException e) {
                    w.firstLine[0] = w.firstLine[0] == null ? e.getClass().getSimpleName() : w.firstLine[0];
                }
                w.closedAt[0] = System.nanoTime();
            }));
        }
        long opened = System.nanoTime();
        long nextProgress = opened + 15_000_000_000L;
        while (System.nanoTime() - opened < wait * 1_000_000L) {
            pause(250);
            if (System.nanoTime() >= nextProgress) {
                long open = watched.stream().filter(w -> w.closedAt[0] < 0).count();
                progress("idle", String.format("%.0f s: %d of %d still open", (System.nanoTime() - opened) / 1e9, open,
                        watched.size()));
                nextProgress += 15_000_000_000L;
            }
        }
        Map<String, String> summary = new LinkedHashMap<>();
        for (String kind : List.of("idle", "half-header")) {
            List<Watched> ofKind = watched.stream().filter(w -> w.kind.equals(kind)).toList();
            long open = ofKind.stream().filter(w -> w.closedAt[0] < 0).count();
            double[] closedAfter = ofKind.stream().filter(w -> w.closedAt[0] >= 0)
                    .mapToDouble(w -> (w.closedAt[0] - w.opened) / 1e6).sorted().toArray();
            Map<String, Integer> answers = new TreeMap<>();
            ofKind.stream().filter(w -> w.closedAt[0] >= 0)
                    .forEach(w -> answers.merge(w.firstLine[0].isEmpty() ? "closed without an answer" : "answered `" + w.firstLine[0] + "`", 1, Integer::sum));
            summary.put(kind, String.format("%d of %d still open after 45 s%s", open, ofKind.size(),
                    closedAfter.length == 0 ? ""
                            : String.format("; %d closed by the service after %s to %s (%s)", closedAfter.length,
                                    secs(closedAfter[0]), secs(closedAfter[closedAfter.length - 1]),
                                    answers.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                                            .collect(Collectors.joining(", ")))));
        }
        for (Watched w : watched) {
            w.socket.close();
        }
        join(threads);
        String name = "200 idle keep-alive connections and 20 slow-header clients";
        details.append("### ").append(name).append("\n\n")
                .append("- Connections that send nothing: ").append(summary.get("idle")).append(".\n")
                .append("- Connections that send half a request header (`GET ... HTTP/1.1`, `Host`, `Accept: appl`) and stop: ")
                .append(summary.get("half-header")).append(".\n\n");
        rows.put(name, "sending nothing: " + summary.get("idle") + "; half a header: " + summary.get("half-header"));
        progress("idle", rows.get(name));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // g. statement_timeout

    static void statementTimeout() throws Exception {
        progress("timeout", "holding an ACCESS EXCLUSIVE lock on the article table for 6 s (psql), and reading an article behind it");
        HttpClient http = client();
        String article = "/api/v1/articles/bench-43";
        Process locker = lock("article", 6);
        List<String> waiting = new CopyOnWriteArrayList<>();
        Thread watcher = started(() -> {
            pause(1000);
            waiting.add(psql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike '%from article%' and pid <> pg_backend_pid()"));
        });
        Call blocked = get(http, article, "GET");
        join(List.of(watcher));
        locker.waitFor(30, TimeUnit.SECONDS);
        Call afterwards = get(http, article, "GET");
        String serverDefault = psql("select setting || coalesce(unit, '') from pg_settings where name = 'statement_timeout'");
        String roleSettings = psql("select coalesce(string_agg(array_to_string(setconfig, ','), '; '), 'none') from pg_db_role_setting");
        String property = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(l -> l.startsWith("quarkus.datasource.jdbc.new-connection-sql")).findFirst().orElse("(not found)");
        String shown = psql(property.replaceFirst("^[^=]*=", "").replace("${content.database.statement-timeout:2s}", "2s")
                + "; SHOW statement_timeout");
        String name = "any query (statement_timeout)";
        details.append("### ").append(name).append("\n\n")
                .append(String.format("- `GET %s` while another session held an ACCESS EXCLUSIVE lock on `article` for 6 s: %s after %s (service statements waiting on a lock 1 s in: %s); the same GET once the lock was gone: %s in %s.%n",
                        article, blocked.label() + (blocked.retryAfter != null ? " with Retry-After: " + blocked.retryAfter : ""),
                        secs(blocked.ms), waiting.isEmpty() ? "?" : waiting.get(0), afterwards.label(), ms(afterwards.ms)))
                .append("- The server's own `statement_timeout` is `").append(serverDefault)
                .append("`, per database or role: ").append(roleSettings)
                .append("; the service sets it on each new connection: `").append(property)
                .append("`; a psql session running that statement shows `").append(shown.trim()).append("`.\n\n");
        rows.put(name, String.format("a read stuck behind a lock: %s after %s (the server's default is %s: the limit is the service's own `SET statement_timeout` on each connection)",
                blocked.label() + (blocked.retryAfter != null ? " + Retry-After: " + blocked.retryAfter : ""),
                secs(blocked.ms), serverDefault));
        progress("timeout", rows.get(name));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Floods

    record Flood(List<Call> calls, List<Call> reader, List<Call> health, double seconds) {
    }

    /** {@code clients} threads sending {@code path} one after another for the duration, a reader and a health poll beside. */
    static Flood flood(int clients, long millis, IntFunction<String> path, HttpClient reader, boolean pollHealth,
            boolean honourRetryAfter) throws Exception {
        List<Call> calls = new CopyOnWriteArrayList<>();
        List<Call> read = new CopyOnWriteArrayList<>();
        List<Call> health = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        HttpClient flooders = client();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            final int n = i;
            threads.add(loop(running, () -> {
                Call call = get(flooders, path.apply(n), "flood");
                calls.add(call);
                if (honourRetryAfter && call.retryAfter != null) {
                    pauseWhile(running, 1000L * Long.parseLong(call.retryAfter));
                }
            }));
        }
        pause(500);
        List<Thread> side = new ArrayList<>();
        side.add(loop(running, () -> read.add(get(reader, READER_ARTICLE, "GET"))));
        if (pollHealth) {
            HttpClient poller = client();
            side.add(loop(running, () -> {
                health.add(get(poller, "/q/health/ready", "ready"));
                pause(250);
            }));
        }
        pause(millis - 500);
        running.set(false);
        join(side);
        join(threads);
        return new Flood(List.copyOf(calls), List.copyOf(read), List.copyOf(health), (System.nanoTime() - started) / 1e9);
    }

    static List<Call> readFor(HttpClient http, String path, long millis) {
        for (int i = 0; i < 20; i++) {
            get(http, path, "warm-up");
        }
        List<Call> calls = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            calls.add(get(http, path, "GET"));
        }
        return calls;
    }

    /** A word every generated article has (bench/generate.sql's fillers) that the search configuration keeps. */
    static String commonWord() {
        String configured = env("FAULTS_WORD", "");
        if (!configured.isBlank()) {
            return configured;
        }
        String best = null;
        int bestCount = -1;
        for (String word : List.of("said", "says", "also", "new", "would", "could", "more", "after", "before", "while")) {
            if (psql("select numnode(plainto_tsquery(language, '" + word + "')) from search_configuration").trim()
                    .equals("0")) {
                continue; // a stop word: the search would be for nothing
            }
            int count = Integer.parseInt(matchCount(word));
            if (count > bestCount) {
                best = word;
                bestCount = count;
            }
        }
        return best;
    }

    static String matchCount(String word) {
        return psql("select count(*) from article, search_configuration where status = 'published'"
                + " and search_document @@ websearch_to_tsquery(language, '" + word + "')").trim();
    }

    static String articleCount() {
        return String.format(Locale.ROOT, "%,d", Integer.parseInt(psql("select count(*) from article where slug like 'bench-%'").trim()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP

    /** One answer (or failure) as a client saw it. */
    static final class Call {
        final String kind;
        final long start, end;
        final double ms;
        final int status; // -1: no answer
        final String code, retryAfter, body, failure;
        final Map<String, List<String>> headers;

        Call(String kind, long start, long end, int status, Map<String, List<String>> headers, String body, String failure) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.ms = (end - start) / 1e6;
            this.status = status;
            this.headers = headers;
            this.body = body == null ? "" : body;
            this.failure = failure;
            Matcher code = CODE.matcher(this.body);
            this.code = status >= 400 && code.find() ? code.group(1) : null;
            this.retryAfter = header("Retry-After");
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String label() {
            if (status < 0) {
                return failure;
            }
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Call get(HttpClient http, String path, String kind) {
        return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET(), kind);
    }

    static Call postComment(HttpClient http, String articleRef, String key, String body, Long parentId, String kind) {
        String json = "{\"authorName\":\"Faults bench\",\"body\":\"" + body + "\""
                + (parentId == null ? "" : ",\"parentId\":" + parentId) + "}";
        return send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + articleRef + "/comments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)), kind);
    }

    static Call send(HttpClient http, HttpRequest.Builder request, String kind) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Call(kind, start, System.nanoTime(), response.statusCode(), response.headers().map(),
                    response.body(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Call(kind, start, System.nanoTime(), -1, Map.of(), null, failureName(e));
        }
    }

    /** HTTP/1.1 over a socket bound to {@code localAddress}: the service counts reports once per client address. */
    static Call raw(String localAddress, String method, String path, Map<String, String> headers, String body,
            int timeoutMillis, String kind) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(server, 5_000);
            socket.setSoTimeout(timeoutMillis);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + server.getHostString()
                    + ":" + server.getPort() + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = (split < 0 ? text : text.substring(0, split)).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> parsed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    parsed.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            if (parsed.containsKey("Transfer-Encoding")) {
                responseBody = dechunk(responseBody);
            }
            return new Call(kind, start, System.nanoTime(), status, parsed, responseBody, null);
        } catch (Exception e) {
            return new Call(kind, start, System.nanoTime(), -1, Map.of(), null, failureName(e));
        }
    }

    static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    static String failureName(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException || e instanceof SocketTimeoutException) {
            return "timeout";
        }
        return "no answer (" + e.getClass().getSimpleName() + ")";
    }

    static long commentId(Call call) {
        Matcher id = ID.matcher(call.body);
        if (call.status != 201 || !id.find()) {
            throw new IllegalStateException("Posting a comment answered " + call.label() + ": " + call.body);
        }
        return Long.parseLong(id.group(1));
    }

    /** A new article, published, so that comments are open on it (generated articles are long past the window). */
    static String publishedArticle(String headline) {
        HttpClient http = client();
        Call created = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
                .header("Authorization", "Bearer " + editorToken).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(headline + "\n\nHARBOUR - The bench's comments go here.\n")), "POST");
        Matcher id = ID.matcher(created.body);
        if (created.status != 201 || !id.find()) {
            throw new IllegalStateException("Creating an article as an editor answered " + created.label() + ": " + created.body);
        }
        String ref = id.group(1);
        Call published = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + ref))
                .header("Authorization", "Bearer " + editorToken).header("If-Match", created.header("ETag"))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"published\"}")), "PATCH");
        if (published.status != 200) {
            throw new IllegalStateException("Publishing it answered " + published.label() + ": " + published.body);
        }
        return ref;
    }

    /** An RS256 JWT with the editor role, signed with the key whose public half the service verifies with. */
    static String signedToken() throws Exception {
        String pem = Files.readString(Path.of(env("FAULTS_JWT_PRIVATE_KEY", "")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + env("FAULTS_JWT_ISSUER", "https://news-content.dev") + "\",\"aud\":\""
                + env("FAULTS_JWT_AUDIENCE", "news-content-faults") + "\",\"sub\":\"faults-bench\",\"upn\":\"faults-bench\",\"groups\":[\"editor\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signature.sign());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The database, the log, the shell

    static List<String> psqlCommand(String sql) {
        return List.of(env("PSQL", "psql"), env("DATABASE_URL", ""), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                "-c", sql);
    }

    static String psql(String sql) {
        try {
            ProcessBuilder builder = new ProcessBuilder(psqlCommand(sql)).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("PGOPTIONS", "-c client_min_messages=warning");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + sql);
            }
            return out.strip();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void shell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("`" + command + "` failed: " + out);
        }
    }

    static long logSize() throws IOException {
        String log = env("FAULTS_LOG", "");
        return log.isBlank() ? 0 : Files.size(Path.of(log));
    }

    record LogSlice(int errors, int warnings, int stackTraces, List<String> samples) {
    }

    /** ERROR and WARN lines and stack traces (runs of "\tat ..." lines) the service logged between two offsets. */
    static LogSlice logSlice(long from, long to) throws IOException {
        String log = env("FAULTS_LOG", "");
        if (log.isBlank()) {
            return new LogSlice(0, 0, 0, List.of("(no log)"));
        }
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile file = new RandomAccessFile(log, "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        int errors = 0, warnings = 0, traces = 0;
        boolean inTrace = false;
        String lastLogged = "(no log line)";
        Map<String, Integer> samples = new LinkedHashMap<>();
        Map<String, Integer> traceAfter = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            boolean traceLine = line.startsWith("\tat ") || line.startsWith("    at ");
            if (traceLine && !inTrace) {
                traces++;
                traceAfter.merge(lastLogged, 1, Integer::sum);
            }
            inTrace = traceLine || (inTrace && (line.startsWith("Caused by") || line.startsWith("\t...")));
            Matcher logged = LOG_LINE.matcher(line);
            if (!logged.matches()) {
                continue;
            }
            // The same message from another thread is the same message; the start of a message names it.
            String message = logged.group(3);
            String key = logged.group(1) + " [" + logged.group(2) + "] "
                    + (message.length() > 70 ? message.substring(0, 70) + "…" : message);
            lastLogged = key;
            if (logged.group(1).equals("ERROR") || logged.group(1).equals("WARN")) {
                errors += logged.group(1).equals("ERROR") ? 1 : 0;
                warnings += logged.group(1).equals("WARN") ? 1 : 0;
                samples.merge(key, 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> lines.add(e.getValue() + "× " + e.getKey()));
        traceAfter.forEach((after, n) -> lines.add(n + "× a stack trace after " + after));
        return new LogSlice(errors, warnings, traces, lines);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Numbers and words

    static List<Call> only(List<Call> calls, String kind) {
        return calls.stream().filter(c -> c.kind.equals(kind)).toList();
    }

    static String counts(List<Call> calls) {
        if (calls.isEmpty()) {
            return "no requests";
        }
        Map<String, Integer> byLabel = new TreeMap<>();
        calls.forEach(c -> byLabel.merge(c.label(), 1, Integer::sum));
        return byLabel.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }

    static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");

    /** How many 503s said what, by their problem's detail. */
    static String details503(List<Call> calls) {
        Map<String, Integer> byDetail = new TreeMap<>();
        calls.stream().filter(c -> c.status == 503).forEach(c -> {
            Matcher detail = DETAIL.matcher(c.body);
            byDetail.merge(detail.find() ? detail.group(1) : "(no detail)", 1, Integer::sum);
        });
        return byDetail.entrySet().stream().map(e -> e.getValue() + "× \"" + e.getKey() + "\"").collect(Collectors.joining(", "));
    }

    static Map<String, Integer> healthCounts(List<Call> health, String kind, long from, long to) {
        Map<String, Integer> byStatus = new TreeMap<>();
        health.stream().filter(c -> c.kind.equals(kind) && c.start >= from && c.start < to).forEach(c -> byStatus.merge(
                c.status == 200 ? "UP" : c.status == 503 ? "DOWN" : c.status < 0 ? c.failure : String.valueOf(c.status), 1,
                Integer::sum));
        return byStatus;
    }

    static Map<String, Integer> merge(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> merged = new TreeMap<>(a);
        b.forEach((k, v) -> merged.merge(k, v, Integer::sum));
        return merged;
    }

    static String upDown(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "not polled";
        }
        if (counts.size() == 1) {
            return "always " + counts.keySet().iterator().next();
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "×").collect(Collectors.joining(", "));
    }

    static String upDownDetail(Map<String, Integer> counts) {
        int polls = counts.values().stream().mapToInt(Integer::intValue).sum();
        return upDown(counts) + " (" + polls + " polls)";
    }

    interface Step {
        void run() throws Exception;
    }

    static Thread loop(AtomicBoolean running, Step step) {
        return started(() -> {
            while (running.get()) {
                try {
                    step.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** First matching answer that ended after {@code after}, in ms from it (NaN: none). */
    static double firstAfter(List<Call> calls, long after, java.util.function.Predicate<Call> matching, String kind) {
        return calls.stream().filter(c -> c.end >= after && (kind == null || c.kind.equals(kind)) && matching.test(c))
                .mapToLong(c -> c.end).min().stream().mapToDouble(end -> (end - after) / 1e6).findFirst().orElse(Double.NaN);
    }

    static double[] millis(List<Call> calls) {
        return calls.stream().mapToDouble(c -> c.ms).sorted().toArray();
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    static double max(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return millis >= 10 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String secs(double millis) {
        return Double.isNaN(millis) ? "never" : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps, but no longer than the flood runs. */
    static void pauseWhile(AtomicBoolean running, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (running.get() && System.nanoTime() < end) {
            pause(Math.min(50, (end - System.nanoTime()) / 1_000_000L));
        }
    }

    static void pauseUntil(long nanoTime) {
        pause((nanoTime - System.nanoTime()) / 1_000_000L);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    static void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The 1-minute load average (Linux): other work on the machine competes with the service and the clients. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static void progress(String step, String message) {
        System.out.printf("[%s] %-8s %s%n", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                step, message);
        System.out.flush();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table

    static void report() throws IOException {
        StringBuilder table = new StringBuilder("| Fault or flood | What clients saw |\n|---|---|\n");
        rows.forEach((name, saw) -> table.append("| ").append(name).append(" | ").append(saw.replace("|", "\\|")).append(" |\n"));
        System.out.println();
        System.out.print(table);
        String out = env("FAULTS_OUT", "");
        if (out.isBlank()) {
            return;
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String doc = "# Faults and floods\n\n"
                + "Measured by `bench/faults.sh` (`bench/Faults.java`) against the packaged service on a real PostgreSQL, "
                + date + ".\n\n"
                + "- Machine: " + env("FAULTS_MACHINE", "?") + "\n"
                + "- Command: `" + env("FAULTS_COMMAND", "bench/faults.sh") + "`\n"
                + "- The service: `java -jar target/quarkus-app/quarkus-run.jar` with its own settings (pool " + POOL + ", acquisition timeout 2 s, statement_timeout 2 s, bulkhead `content.limits.expensive-reads` " + BULKHEAD + ", idle timeout 30 s), except comment rate limits and `CONTENT_COMMENTS_REPORTS_TO_HOLD` raised (the bench posts hundreds of comments from one address)\n"
                + "- Clients run on the same machine as the service and PostgreSQL, and compete with them for its cores; the 1-minute load average was "
                + loadBefore + " before the cases and " + loadAverage() + " after them.\n\n"
                + table + "\n## Details\n\n" + details;
        Files.writeString(Path.of(out), doc);
        System.out.println("\nWritten to " + out);
    }
}
