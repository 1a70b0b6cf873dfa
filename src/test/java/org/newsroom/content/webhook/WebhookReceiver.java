package org.newsroom.content.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a JDK HTTP server on a free loopback port that keeps every request it gets and
 * answers each path from a script (then 204).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived (header names in lower case). */
    record Received(String path, Map<String, List<String>> headers, String body, long receivedAtNanos) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An answer to give: a status and headers. */
    record Answer(int status, Map<String, String> headers) {

        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    WebhookReceiver() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A receiver on {@code address} (IPv6 loopback, say). */
    WebhookReceiver(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of {@code path} on this receiver ({@code http://127.0.0.1:<port><path>}, or {@code [::1]}). */
    String url(String path) {
        InetAddress address = server.getAddress().getAddress();
        String host = address instanceof java.net.Inet6Address
                ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these, one each, then 204. */
    void script(String path, Answer... answers) {
        Deque<Answer> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(answers));
        }
    }

    /** Requests to {@code path} are answered only once the latch this answers is counted down (30 s at most). */
    CountDownLatch hold(String path) {
        return held.computeIfAbsent(path, p -> new CountDownLatch(1));
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, headers, body, System.nanoTime()));
        CountDownLatch latch = held.get(path);
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = Answer.of(204);
        Deque<Answer> queue = scripts.get(path);
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    answer = queue.poll();
                }
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }
}
