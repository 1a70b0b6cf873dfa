package org.newsroom.content.shared.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in OpenTelemetry collector for {@link TraceExportTest}: a JDK HTTP server on a free loopback port that takes
 * OTLP/HTTP protobuf exports ({@code POST /v1/traces}) and keeps their bytes. The test asks it what it got over HTTP
 * ({@code GET /seen?text=...}: how many exports arrived, and whether one holds that text, as the protobuf carries span
 * names and attribute values as plain UTF-8), so that nothing is shared between class loaders.
 */
public class OtlpCollector implements QuarkusTestResourceLifecycleManager {

    /** The setting the test reads to find the collector. */
    static final String ADDRESS = "test.otlp-collector";

    private HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.otel.exporter.otlp.endpoint", address,
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "PT0.1S",
                ADDRESS, address);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/traces")) {
                exports.add(bytes);
                // An empty ExportTraceServiceResponse: everything accepted.
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (exchange.getRequestMethod().equals("GET") && path.equals("/seen")) {
                String query = exchange.getRequestURI().getRawQuery();
                String text = URLDecoder.decode(query.substring("text=".length()), StandardCharsets.UTF_8);
                boolean seen = exports.stream()
                        .anyMatch(export -> new String(export, StandardCharsets.ISO_8859_1).contains(
                                new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
                byte[] answer = (exports.size() + " " + seen).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
