package org.newsroom.content.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for the tests: opens a stream (HTTP/1.1, the JDK's client), reads it on a thread of its
 * own and parses its blocks as a browser's EventSource does, comment lines kept ({@link Event#comments()}). When the
 * answer is not a stream its body is read whole ({@link #body()}).
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One block of the stream: its event name (null for a comment-only block), id, data and comment lines. */
    public record Event(String name, String id, String data, List<String> comments, long receivedAtNanos) {

        public boolean named(String wanted) {
            return wanted.equals(name);
        }
    }

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean ended;
    private String body;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
    }

    /** Opens {@code path} on 127.0.0.1:{@code port} with these headers (Accept: text/event-stream unless given). */
    public static SseClient open(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(30));
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/event-stream");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            SseClient client = new SseClient(response);
            if (response.statusCode() == 200
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                Thread reader = new Thread(client::read, "sse-client-" + path);
                reader.setDaemon(true);
                reader.start();
            } else {
                try (InputStream in = response.body()) {
                    client.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                client.ended = true;
            }
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The body of an answer that is not a stream (a problem). */
    public String body() {
        return body;
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended && events.isEmpty();
    }

    /** The next block, waiting up to {@code timeout}; empty if none came. */
    public Optional<Event> next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
            }
            return Optional.ofNullable(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The next block that matches, skipping others (kept in {@link #seen()}), within {@code timeout}. */
    public Optional<Event> next(Predicate<Event> wanted, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Optional<Event> event = next(Duration.ofNanos(left));
            if (event.isEmpty() || wanted.test(event.get())) {
                return event;
            }
        }
    }

    /** The stream's lines as they came, so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every block taken so far with {@link #next}. */
    public List<Event> seen() {
        return seen;
    }

    /** Takes what arrives during {@code window} (heartbeats included). */
    public List<Event> drain(Duration window) {
        List<Event> drained = new ArrayList<>();
        long until = System.nanoTime() + window.toNanos();
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            next(Duration.ofNanos(left)).ifPresent(drained::add);
        }
        return drained;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            boolean any = false;
            String line;
            while ((line = lines.readLine()) != null) {
                this.lines.add(line);
                if (line.isEmpty()) {
                    if (any) {
                        events.add(new Event(name, id, data == null ? null : data.toString(), List.copyOf(comments),
                                System.nanoTime()));
                    }
                    name = null;
                    id = null;
                    data = null;
                    comments.clear();
                    any = false;
                    continue;
                }
                any = true;
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields
                    }
                }
            }
        } catch (IOException e) {
            // Closed by the test, or the server went away.
        } finally {
            ended = true;
        }
    }
}
