package org.newsroom.content.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsroom.content.support.openapi.OpenApiResponseFilter;

/**
 * One HTTP/1.1 request over a plain socket bound to a chosen local address, so that the service sees another TCP
 * peer (127.0.0.2, 127.0.0.3, ...: all of 127/8 is loopback on Linux). RestAssured cannot choose its local address.
 */
public final class RawHttp {

    /** The status, the headers (names lower-cased) and the body of an answer. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** Sends one request from {@code fromAddress} to 127.0.0.1:{@code port} and reads the whole answer. */
    public static Response send(String fromAddress, int port, String method, String path, Map<String, String> headers,
            byte[] body) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port,
                InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Response answer = read(new BufferedInputStream(socket.getInputStream()));
            // Held to the OpenAPI document like every RestAssured answer (the check decodes gzip; another encoding's
            // body is left unchecked).
            String encoding = answer.header("content-encoding");
            boolean readable = encoding == null || encoding.equalsIgnoreCase("identity")
                    || encoding.equalsIgnoreCase("gzip");
            OpenApiResponseFilter.check(method, "http://127.0.0.1:" + port + path, answer.status(),
                    answer.header("content-type"), readable ? answer.body() : null);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON POST from {@code fromAddress}. */
    public static Response postJson(String fromAddress, int port, String path, Map<String, String> headers,
            String json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return send(fromAddress, port, "POST", path, all, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the head, then exactly the body it announces ({@code Content-Length}, or chunks), so that an answer sent
     * before the request body was read is seen even while the server keeps the connection open (and so that a
     * keep-alive client can read one answer and send its next request on the same connection).
     */
    public static Response read(InputStream in) throws IOException {
        List<String> head = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            head.add(line);
        }
        int status = Integer.parseInt(head.get(0).split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    /** The size of the next chunk of a chunked body, from its size line (extensions ignored). */
    public static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).split(";")[0].trim(), 16);
    }

    /** One CRLF-ended line, without its CRLF. */
    public static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("The connection ended inside an HTTP head or chunk line");
    }
}
