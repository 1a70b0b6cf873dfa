package org.newsroom.content.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The server closes connections that send nothing for the idle timeout (here 2 s instead of 30 s, to keep the test
 * short): one that never sends a byte, one that stops half-way through its request head, and a keep-alive one left
 * idle after its answer; a keep-alive client that keeps sending gets every request answered on the same connection.
 */
@QuarkusTest
@TestProfile(IdleConnectionTest.TwoSecondIdleTimeout.class)
class IdleConnectionTest {

    public static class TwoSecondIdleTimeout implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S");
        }
    }

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** How much later than the idle timeout the close may come (a busy machine, the server's timer granularity). */
    private static final Duration MARGIN = Duration.ofSeconds(3);
    /** A close sooner than this was not the idle timeout's doing. */
    private static final Duration NOT_BEFORE = IDLE_TIMEOUT.minusMillis(500);

    /** How a connection ended, seen from the client: when, and what the server sent before. */
    private record Ending(boolean closed, Duration after, String received) {
    }

    @Test
    void closesAConnectionThatSendsNothingOnceTheIdleTimeoutPasses() throws IOException {
        try (Socket socket = connect()) {
            Ending ending = awaitEnd(socket, System.nanoTime());
            assertClosedByIdleTimeout(ending);
            assertEquals("", ending.received());
        }
    }

    @Test
    void closesAConnectionThatStopsHalfWayThroughItsHeadersOnceTheIdleTimeoutPasses() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nAccept: appli");
            Ending ending = awaitEnd(socket, System.nanoTime());
            assertClosedByIdleTimeout(ending);
            // Nothing is answered to a request that never ended: no status line, no partial answer.
            assertEquals("", ending.received());
        }
    }

    @Test
    void answersTwoRequestsSentHalfASecondApartOnOneKeepAliveConnection() throws Exception {
        String path = articlePath();
        try (Socket socket = connect()) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RawHttp.Response first = exchange(socket, in, path, "the first request");
            assertEquals(200, first.status(), first.bodyText());
            assertNotEquals("close", first.header("Connection"), "the server keeps the connection open");
            // Half a second of silence on the open connection: nothing arrives, and it is not closed.
            int readTimeout = socket.getSoTimeout();
            socket.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, in::read, "the connection stays open and silent");
            socket.setSoTimeout(readTimeout);
            RawHttp.Response second = exchange(socket, in, path, "the second request, half a second later");
            assertEquals(200, second.status(), second.bodyText());
            assertEquals(first.bodyText(), second.bodyText());
        }
    }

    @Test
    void closesAKeepAliveConnectionLeftIdleAfterItsAnswerOnceTheIdleTimeoutPasses() throws Exception {
        String path = articlePath();
        try (Socket socket = connect()) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, get(path));
            assertEquals(200, RawHttp.read(in).status());
            long answered = System.nanoTime();
            Ending ending = awaitEnd(in, answered);
            assertClosedByIdleTimeout(ending);
            assertEquals("", ending.received());
        }
    }

    /** Sends a GET on the open connection and reads its answer; a connection closed meanwhile fails the test. */
    private static RawHttp.Response exchange(Socket socket, InputStream in, String path, String which) {
        try {
            send(socket, get(path));
            return RawHttp.read(in);
        } catch (IOException e) {
            throw new AssertionError(which + " got no answer on the kept-alive connection: " + e, e);
        }
    }

    private static String articlePath() {
        return "/api/v1/articles/" + Fixtures.publishedArticle(Fixtures.unique("idle")).jsonPath().getLong("id");
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.setSoTimeout((int) IDLE_TIMEOUT.plus(MARGIN).plusSeconds(5).toMillis());
        return socket;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Ending awaitEnd(Socket socket, long since) throws IOException {
        return awaitEnd(socket.getInputStream(), since);
    }

    /** Reads until the server closes (end of stream) or resets the connection, or the socket's read timeout. */
    private static Ending awaitEnd(InputStream in, long since) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;
        try {
            for (int b = in.read(); b != -1; b = in.read()) {
                received.write(b);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (SocketException e) {
            // A reset is a close too.
            closed = true;
        }
        return new Ending(closed, Duration.ofNanos(System.nanoTime() - since),
                received.toString(StandardCharsets.ISO_8859_1));
    }

    private static void assertClosedByIdleTimeout(Ending ending) {
        System.out.printf("%s: %s%n", IdleConnectionTest.class.getSimpleName(), ending);
        assertTrue(ending.closed(), "the server never closed the connection: " + ending);
        assertTrue(ending.after().compareTo(NOT_BEFORE) >= 0, "closed too soon for the idle timeout: " + ending);
        assertTrue(ending.after().compareTo(IDLE_TIMEOUT.plus(MARGIN)) <= 0,
                "closed later than the idle timeout allows: " + ending);
    }
}
